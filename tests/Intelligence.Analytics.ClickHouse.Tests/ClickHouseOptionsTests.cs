namespace Intelligence.Analytics.ClickHouse.Tests;

public sealed class ClickHouseOptionsTests
{
    [Fact]
    public void The_defaults_name_a_local_server_and_are_valid()
    {
        var options = new ClickHouseOptions();

        Assert.Equal(("http://localhost:8123", "intelligence", "default"), (options.Url, options.Database, options.User));
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.True(options.Compression);
        Assert.Empty(options.Problems());
    }

    [Theory]
    [InlineData("Url", "localhost:8123")]
    [InlineData("Url", "ftp://host:21")]
    [InlineData("Url", "http://user:pw@host:8123")]
    [InlineData("Url", "http://host:8123/?database=x")]
    [InlineData("Database", "has-dash")]
    [InlineData("User", "a:b")]
    [InlineData("PasswordFile", "/no/such/password/file")]
    [InlineData("Timeout", "00:00:00.500")]
    [InlineData("Timeout", "02:00:00")]
    public void Each_invalid_setting_is_named_with_its_key(string key, string value)
    {
        var options = key switch
        {
            "Url" => new ClickHouseOptions { Url = value },
            "Database" => new ClickHouseOptions { Database = value },
            "User" => new ClickHouseOptions { User = value },
            "PasswordFile" => new ClickHouseOptions { PasswordFile = value },
            _ => new ClickHouseOptions { Timeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        };

        var problem = Assert.Single(options.Problems());

        Assert.StartsWith($"ClickHouse:{key} ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CA_file_is_refused_for_a_plain_http_url()
    {
        var file = Path.GetTempFileName();
        try
        {
            var problem = Assert.Single(new ClickHouseOptions { CaCertificateFile = file }.Problems());

            Assert.StartsWith("ClickHouse:CaCertificateFile applies to an https:// Url only", problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Connecting_with_invalid_options_lists_every_problem()
    {
        var error = Assert.Throws<ArgumentException>(
            () => ClickHouseServerStore.Connect(new ClickHouseOptions { Url = "nope", Timeout = TimeSpan.Zero }));

        Assert.Contains("ClickHouse:Url", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClickHouse:Timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_is_the_first_line_of_the_password_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "pa ss;word\r\nignored\n");

            Assert.Equal("pa ss;word", new ClickHouseOptions { PasswordFile = file }.ReadPassword());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
