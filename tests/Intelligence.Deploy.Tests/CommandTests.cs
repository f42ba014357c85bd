namespace Intelligence.Deploy.Tests;

/// <summary>Every command line the deployment runs is one the program's own parser accepts.</summary>
public sealed class CommandTests
{
    [Fact]
    public void Every_command_line_of_the_deployment_is_a_command_and_options_the_program_knows()
    {
        var commands = DeployedCommands.All();

        // The roles of both deployments were found: compose services, healthchecks and k8s containers.
        Assert.Contains(commands, c => c.Origin.Contains("services.simulator.command", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Origin.Contains("healthcheck", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Origin.Contains("StatefulSet intelligence-process", StringComparison.Ordinal));
        var problems = CheckReport.Problems(commands.Select(c => (CommandLineCheck.Check(c.Words), c.Origin)), "command lines");
        Assert.True(problems is null, problems);
    }

    [Fact]
    public void A_command_line_of_an_existing_command_with_its_options_is_known() =>
        Assert.Equal(CheckStatus.Known, CommandLineCheck.Check(
            ["simulate", "--post", "http://ingest:5080", "--api-key", "k", "--events", "100000", "--seed", "42"]).Status);

    [Theory]
    [InlineData("simulate --post http://ingest:5080 --apikey k", "Unknown option --apikey")]
    [InlineData("simulate --post", "--post needs a value")]
    [InlineData("simulat --post http://ingest:5080", "Unknown command 'simulat'")]
    [InlineData("--kafka kafka:9092", "no command")]
    [InlineData("ingest --kafak kafka:9092 --source http", "Unknown option --kafak")]
    public void A_wrong_command_or_option_is_reported_with_the_reason(string line, string reason)
    {
        var result = CommandLineCheck.Check(line.Split(' '));

        Assert.Equal(CheckStatus.Unknown, result.Status);
        Assert.Contains(reason, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_option_in_a_compose_command_is_reported_with_its_service()
    {
        using var folder = new ScratchFolder();
        var file = folder.Write("docker-compose.yml", """
            services:
              simulator:
                image: intelligence:local
                command: ["simulate", "--post", "http://ingest:5080", "--key", "k"]
            """);

        var commands = DeployedCommands.FromCompose(ComposeFile.Load(file));
        var problems = CheckReport.Problems(commands.Select(c => (CommandLineCheck.Check(c.Words), c.Origin)), "command lines");

        Assert.NotNull(problems);
        Assert.Contains("--key", problems, StringComparison.Ordinal);
        Assert.Contains("services.simulator.command", problems, StringComparison.Ordinal);
    }
}
