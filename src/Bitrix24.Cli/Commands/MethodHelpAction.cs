using System.CommandLine;
using System.CommandLine.Invocation;

namespace Bitrix24.Cli.Commands;

/// <summary>
/// <c>--help</c>: System.CommandLine's help, then, for a method, its scopes and docs link. Kept out of
/// the command description so the root help lists one line per method.
/// </summary>
internal sealed class MethodHelpAction(SynchronousCommandLineAction standardHelp) : SynchronousCommandLineAction
{
    /// <summary>Help is shown even when the rest of the line has errors, like the standard help.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        int exitCode = standardHelp.Invoke(parseResult);
        if (parseResult.CommandResult.Command is MethodCommand method)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(method.Details());
        }

        return exitCode;
    }
}
