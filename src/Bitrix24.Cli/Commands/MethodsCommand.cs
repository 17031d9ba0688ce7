using System.CommandLine;
using Bitrix24.Cli.Output;

namespace Bitrix24.Cli.Commands;

/// <summary><c>methods</c>: lists every catalog method with its summary.</summary>
internal sealed class MethodsCommand : Command
{
    public MethodsCommand(IReadOnlyList<Bitrix24MethodInfo> methods, CliContext context)
        : base("methods", "List every method with its summary.")
    {
        SetAction(_ =>
        {
            MethodList.Write(context.Out, methods);
            return ExitCodes.Success;
        });
    }
}
