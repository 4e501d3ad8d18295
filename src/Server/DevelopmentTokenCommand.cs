using CustomerFunctions.Core.Auth;

namespace CustomerFunctions.Server;

/// <summary><c>mint-token --sub alice [--email a@example.com] [--name Alice] [--operator] [--hours 8]</c>: prints a development token.</summary>
public static class DevelopmentTokenCommand
{
    public static int Run(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var isOperator = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--operator")
            {
                isOperator = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
        }
        var key = options.GetValueOrDefault("key") ?? Environment.GetEnvironmentVariable("Auth__DevelopmentSigningKey");
        if (!options.TryGetValue("sub", out var sub) || string.IsNullOrEmpty(key) || key.Length < 32)
        {
            Console.Error.WriteLine("usage: mint-token --sub <userId> [--email <email>] [--name <name>] [--operator] [--hours <n>] [--key <signing key, or Auth__DevelopmentSigningKey>]");
            return 2;
        }
        var hours = options.TryGetValue("hours", out var h) && double.TryParse(h, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 8;
        Console.WriteLine(DevelopmentTokens.Mint(key, sub, options.GetValueOrDefault("email"), options.GetValueOrDefault("name"), isOperator, DateTimeOffset.UtcNow, TimeSpan.FromHours(hours)));
        return 0;
    }
}
