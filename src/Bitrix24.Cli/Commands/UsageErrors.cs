using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using Bitrix24.Cli.Output;

namespace Bitrix24.Cli.Commands;

/// <summary>
/// The messages for a wrong command line, each naming the valid choices: methods for an unknown
/// method, the method's parameters for an unknown parameter, the accepted format for a bad value.
/// </summary>
internal static class UsageErrors
{
    /// <summary>Every usage error of the parse; empty when the command can run.</summary>
    public static IReadOnlyList<string> Collect(ParseResult parse)
    {
        var errors = new List<string>();
        Command command = parse.CommandResult.Command;
        errors.AddRange(DescribeUnmatched(command, parse.UnmatchedTokens));

        // System.CommandLine's errors on a command are about the unmatched tokens described above, in
        // less helpful words; the errors of options (a bad or missing value) are kept as they are.
        errors.AddRange(parse.Errors.Where(error => error.SymbolResult is not CommandResult).Select(error => error.Message));

        if (command is MethodCommand method)
        {
            errors.AddRange(method.MissingRequired(parse).Select(option =>
                $"Missing required parameter {option.DisplayName}: {option.Parameter.Summary ?? option.Parameter.Type.ToString()}"));
        }

        // Should System.CommandLine report something not foreseen above, it must still stop the run.
        if (errors.Count == 0)
        {
            errors.AddRange(parse.Errors.Select(error => error.Message));
        }

        if (errors.Count > 0)
        {
            errors.Add(command is MethodCommand
                ? $"Run '{command.Name} --help' for its parameters."
                : "Run with --help for usage, or 'methods' for the list of methods.");
        }

        return errors;
    }

    private static IEnumerable<string> DescribeUnmatched(Command command, IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            yield break;
        }

        switch (command)
        {
            case MethodCommand method:
                string[] unknown = tokens.Where(token => token.StartsWith('-')).ToArray();
                if (unknown.Length == 0)
                {
                    yield return $"Unexpected argument '{tokens[0]}' for {method.Name}: values follow their parameter, e.g. {method.Parameters.FirstOrDefault()?.Name ?? "--param"} value.";
                }

                foreach (string token in unknown)
                {
                    yield return UnknownParameter(method, token);
                }

                break;
            case RootCommand root when !tokens[0].StartsWith('-'):
                yield return UnknownMethod(root, tokens[0]);
                break;
            case RootCommand:
                yield return $"Unknown option '{tokens[0]}'. The method comes first: <method> [--param value ...] [--webhook URL] [--json].";
                break;
            default:
                yield return $"Unexpected argument '{tokens[0]}' for '{command.Name}'.";
                break;
        }
    }

    private static string UnknownMethod(RootCommand root, string typed)
    {
        MethodCommand[] methods = root.Subcommands.OfType<MethodCommand>().ToArray();
        var text = new StringBuilder($"Unknown method '{typed}'.");
        IReadOnlyList<string> close = ClosestNames.Find(typed, methods.Select(m => ((IEnumerable<string>)[m.Name], m.Name)));
        if (close.Count > 0)
        {
            text.Append(" Did you mean ").AppendJoin(" or ", close).Append('?');
        }

        text.AppendLine().Append("Valid methods:");
        var list = new StringWriter();
        MethodList.Write(list, methods.Select(m => m.Method).ToArray());
        text.AppendLine().Append(list.ToString().TrimEnd());
        return text.ToString();
    }

    private static string UnknownParameter(MethodCommand method, string token)
    {
        // "--chat-id=112" arrives whole when the name is unknown.
        string typed = token.Split('=', 2)[0];
        var text = new StringBuilder($"Unknown parameter '{typed}' for {method.Name}.");
        IReadOnlyList<string> close = ClosestNames.Find(typed, method.Parameters.Select(o => (o.Aliases.Prepend(o.Name), o.Name)));
        if (close.Count > 0)
        {
            text.Append(" Did you mean ").AppendJoin(" or ", close).Append('?');
        }

        text.AppendLine().Append("Valid parameters:");
        if (method.Parameters.Count == 0)
        {
            text.Append(" none.");
        }

        int width = method.Parameters.Select(Names).Append(string.Empty).Max(names => names.Length);
        foreach (ParameterOption option in method.Parameters)
        {
            text.AppendLine().Append("  ").Append(Names(option).PadRight(width)).Append("  ").Append(option.HelpName)
                .Append(option.Parameter.IsRequired ? " (required)" : string.Empty);
        }

        text.AppendLine().Append("Also: --webhook URL, --json, --help.");
        return text.ToString();
    }

    private static string Names(ParameterOption option) => string.Join(", ", option.Aliases.Prepend(option.Name));
}
