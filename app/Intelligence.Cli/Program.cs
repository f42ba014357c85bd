using Intelligence.Cli;

return await Cli.RunAsync(args);
