using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using System.Text.Json.Nodes;
using Bitrix24.Cli.Arguments;

namespace Bitrix24.Cli.Commands;

/// <summary>
/// The option for one catalog parameter: <c>--chat-id</c> with the wire name <c>--CHAT_ID</c> as alias
/// (<c>--bot-id</c> and <c>--botId</c> for a camelCase one).
/// Its value is converted (and a JSON value checked against the spec's type) while parsing, so a bad
/// value is a parse error like any other usage error.
/// </summary>
internal sealed class ParameterOption : Option<GivenValue>
{
    /// <summary>At most this many problems of one JSON value are printed; the rest are counted.</summary>
    private const int MaxProblemsShown = 10;

    private readonly string _workingDirectory;

    /// <param name="parameter">The catalog's parameter.</param>
    /// <param name="workingDirectory">Where a relative <c>@file</c> path starts.</param>
    /// <param name="taken">Names earlier options of the method use, which this one leaves out; its own are added.</param>
    public ParameterOption(Bitrix24ParameterInfo parameter, string workingDirectory, ISet<string> taken)
        : this(parameter, Names(parameter, taken), workingDirectory)
    {
    }

    private ParameterOption(Bitrix24ParameterInfo parameter, string[] names, string workingDirectory)
        : base(names[0], names[1..])
    {
        _workingDirectory = workingDirectory;
        Parameter = parameter;
        Description = Describe(parameter);
        HelpName = ValueFormat.HelpName(parameter.Type);
        Arity = parameter.Type.Kind switch
        {
            // One JSON text (or @file) holds the whole value.
            _ when ValueShape.TakesJson(parameter.Type) => ArgumentArity.ExactlyOne,
            Bitrix24ValueKind.Array => ArgumentArity.OneOrMore,

            // A boolean may stand alone as a flag: --leave means LEAVE=Y.
            Bitrix24ValueKind.Boolean or Bitrix24ValueKind.YesNo => ArgumentArity.ZeroOrOne,
            _ => ArgumentArity.ExactlyOne,
        };
        CustomParser = Convert;
    }

    /// <summary>The catalog's description of the parameter.</summary>
    public Bitrix24ParameterInfo Parameter { get; }

    /// <summary>How errors name the parameter: <c>--chat-id (CHAT_ID)</c>.</summary>
    public string DisplayName => $"{Name} ({Parameter.WireName})";

    /// <summary>
    /// The kebab-case name first, then the exact wire name; names the global options own, and names an
    /// earlier parameter took (<c>botId</c> and <c>BOT_ID</c> are both <c>--bot-id</c>), are left out.
    /// </summary>
    private static string[] Names(Bitrix24ParameterInfo parameter, ISet<string> taken)
    {
        string kebab = OptionNames.Kebab(parameter.WireName);
        string[] names = new[] { "--" + kebab, "--" + parameter.WireName }
            .Distinct(StringComparer.Ordinal)
            .Where(name => !GlobalOptions.ReservedNames.Contains(name) && !taken.Contains(name))
            .ToArray();

        // Only a parameter literally called "json", "webhook", "help" or "version" (or a clash) gets here.
        if (names.Length == 0)
        {
            names = ["--param-" + kebab];
        }

        taken.UnionWith(names);
        return names;
    }

    private static string Describe(Bitrix24ParameterInfo parameter)
    {
        var text = new StringBuilder();
        if (parameter.IsRequired)
        {
            text.Append("[required] ");
        }

        text.Append(parameter.Summary ?? parameter.WireName);
        Bitrix24ValueType type = parameter.Type.Kind == Bitrix24ValueKind.Array ? parameter.Type.ElementType! : parameter.Type;
        if (type.Kind == Bitrix24ValueKind.Enum)
        {
            // Value summaries contain ';' and parentheses of their own, so each value is a sentence.
            text.Append(' ').Append(type.EnumName).Append(" values:");
            foreach (Bitrix24EnumValueInfo value in type.EnumValues)
            {
                text.Append(' ').Append(value.Wire);
                if (value.Summary is not null)
                {
                    text.Append(" - ").Append(value.Summary.TrimEnd('.')).Append('.');
                }
            }
        }

        if (ValueShape.TakesJson(parameter.Type))
        {
            string expected = parameter.Type.Kind == Bitrix24ValueKind.Json ? "Any JSON" : ValueFormat.JsonExpected(parameter.Type) + " as JSON";
            text.Append(' ').Append(char.ToUpperInvariant(expected[0])).Append(expected[1..]).Append(", or @file.json.");
            if (ValueShape.ObjectWithin(parameter.Type) is not null)
            {
                text.Append(" Members: see below.");
            }
        }
        else if (parameter.Type.Kind == Bitrix24ValueKind.Array)
        {
            text.Append(" Repeat the option, separate values with commas, or give a JSON array.");
        }

        if (parameter.Default is not null)
        {
            text.Append(" Portal default: ").Append(parameter.Default).Append('.');
        }

        return text.ToString();
    }

    private GivenValue? Convert(ArgumentResult result)
    {
        string[] tokens = result.Tokens.Select(token => token.Value).ToArray();
        if (ParameterValueParser.IsJson(Parameter.Type, tokens))
        {
            if (ParameterValueParser.TryParseJson(Parameter.Type, Parameter.WireName, tokens, _workingDirectory, out JsonNode? json, out IReadOnlyList<string> problems))
            {
                return new GivenValue(json);
            }

            foreach (string problem in problems.Take(MaxProblemsShown))
            {
                result.AddError($"{Name}: {problem}");
            }

            if (problems.Count > MaxProblemsShown)
            {
                result.AddError($"{Name}: ... and {problems.Count - MaxProblemsShown} more problems.");
            }

            return null;
        }

        if (ParameterValueParser.TryParse(Parameter.Type, tokens, out JsonNode? value, out string? invalid))
        {
            return new GivenValue(value);
        }

        result.AddError($"Invalid value '{invalid}' for {DisplayName}: expected {ValueFormat.Expected(Parameter.Type)}.");
        return null;
    }
}
