using System.CommandLine;

namespace Bitrix24.Cli.Commands;

/// <summary>The options every method takes, wherever they stand on the line.</summary>
internal sealed class GlobalOptions
{
    /// <summary>The names parameters cannot take, because these options (and help) own them.</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "--webhook", "--json", "--help", "-h", "-?", "--version",
    };

    /// <summary><c>--webhook URL</c>: call a real portal instead of the embedded emulator.</summary>
    public Option<string> Webhook { get; } = new("--webhook")
    {
        Description = $"The incoming webhook to call: https://{{portal}}/rest/{{user_id}}/{{code}}/. Default: ${CliContext.WebhookVariable}; without either, the embedded emulator.",
        HelpName = "URL",
        Recursive = true,
    };

    /// <summary><c>--json</c>: print only the result as JSON.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print only the result as JSON (errors still go to standard error, and the exit code tells success).",
        Recursive = true,
    };
}
