using System.CommandLine;
using System.Text;
using Bitrix24.Cli.Arguments;

namespace Bitrix24.Cli.Commands;

/// <summary>The subcommand of one catalog method, with an option per parameter; built from the catalog alone.</summary>
internal sealed class MethodCommand : Command
{
    public MethodCommand(Bitrix24MethodInfo method, string workingDirectory)
        : base(method.Name, method.Summary)
    {
        Method = method;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        Parameters = method.Parameters.Select(parameter => new ParameterOption(parameter, workingDirectory, taken)).ToArray();
        foreach (ParameterOption option in Parameters)
        {
            Options.Add(option);
        }
    }

    /// <summary>The catalog entry.</summary>
    public Bitrix24MethodInfo Method { get; }

    /// <summary>The parameter options, in spec order.</summary>
    public IReadOnlyList<ParameterOption> Parameters { get; }

    /// <summary>
    /// Required parameters not given. Checked here rather than left to the portal, which would answer
    /// with a less helpful error (or none) after a round trip.
    /// </summary>
    public IEnumerable<ParameterOption> MissingRequired(ParseResult parse) =>
        Parameters.Where(option => option.Parameter.IsRequired && parse.GetResult(option) is null);

    /// <summary>The given parameters, converted; call only on a parse without errors.</summary>
    public MethodArguments ReadArguments(ParseResult parse) =>
        new(Parameters
            .Where(option => parse.GetResult(option) is not null)
            .Select(option => new ParameterValue(option.Parameter, parse.GetValue(option)!.Json))
            .ToArray());

    /// <summary>What help adds below the options: the members of object parameters, scopes, idempotency and the official page.</summary>
    public string Details()
    {
        var text = new StringBuilder();
        string members = JsonParameterHelp.Describe(Parameters);
        if (members.Length > 0)
        {
            text.Append(members).AppendLine().AppendLine();
        }

        if (Method.Scopes.Count > 0)
        {
            text.Append("Scopes: ").AppendJoin(", ", Method.Scopes).Append(". ");
        }

        text.Append(Method.IsIdempotent ? "Idempotent." : "Not idempotent: the SDK never repeats it once it may have reached the portal.");
        if (Method.DocsUrl is not null)
        {
            text.AppendLine().Append("Docs: ").Append(Method.DocsUrl);
        }

        return text.ToString();
    }
}
