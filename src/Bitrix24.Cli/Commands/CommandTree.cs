using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Bitrix24.Cli.Calling;
using Bitrix24.Cli.Output;

namespace Bitrix24.Cli.Commands;

/// <summary>
/// The root command: <c>methods</c>, then one subcommand per catalog method, each with its parameter
/// options, and the global <c>--webhook</c> and <c>--json</c>. Nothing here names a method.
/// </summary>
internal sealed class CommandTree
{
    // Response files (@file) are off: messages often start with '@' ("@anna, your order shipped").
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    private readonly RootCommand _root;

    public CommandTree(IReadOnlyList<Bitrix24MethodInfo> methods, CliContext context)
    {
        _root = new RootCommand(
            "Calls Bitrix24 REST methods described in spec/. Without --webhook (or $" + CliContext.WebhookVariable
            + ") it runs against the embedded portal emulator and prints the chat's transcript.");
        _root.Options.Add(Global.Webhook);
        _root.Options.Add(Global.Json);
        _root.Subcommands.Add(new MethodsCommand(methods, context));
        foreach (Bitrix24MethodInfo method in methods)
        {
            var command = new MethodCommand(method, context.WorkingDirectory);
            command.SetAction((parse, cancellationToken) => new MethodCall(command, Global, context).RunAsync(parse, cancellationToken));
            _root.Subcommands.Add(command);
        }

        HelpOption help = _root.Options.OfType<HelpOption>().Single();
        help.Action = new MethodHelpAction((SynchronousCommandLineAction)help.Action!);

        _root.SetAction(_ =>
        {
            context.Error.WriteLine("No method given. Usage: <method> [--param value ...] [--webhook URL] [--json], or 'methods'.");
            MethodList.Write(context.Error, methods);
            return ExitCodes.Usage;
        });
    }

    /// <summary>The options every method takes.</summary>
    public GlobalOptions Global { get; } = new();

    /// <summary>Parses the arguments after the program name.</summary>
    public ParseResult Parse(IReadOnlyList<string> args) => _root.Parse(args, Configuration);
}
