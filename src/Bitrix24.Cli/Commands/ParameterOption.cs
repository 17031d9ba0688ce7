using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using System.Text.Json.Nodes;
using Bitrix24.Cli.Arguments;

namespace Bitrix24.Cli.Commands;

/// <summary>
/// The option for one catalog parameter: <c>--chat-id</c> with the wire name <c>--CHAT_ID</c> as alias.
/// Its value is converted while parsing, so a bad value is a parse error like any other usage error.
/// </summary>
internal sealed class ParameterOption : Option<JsonNode>
{
    public ParameterOption(Bitrix24ParameterInfo parameter)
        : this(parameter, Names(parameter))
    {
    }

    private ParameterOption(Bitrix24ParameterInfo parameter, string[] names)
        : base(names[0], names[1..])
    {
        Parameter = parameter;
        Description = Describe(parameter);
        HelpName = ValueFormat.HelpName(parameter.Type);
        Arity = parameter.Type.Kind switch
        {
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

    /// <summary>The kebab-case name first, then the exact wire name; names the global options own are left out.</summary>
    private static string[] Names(Bitrix24ParameterInfo parameter)
    {
        string[] names = new[] { "--" + parameter.KebabName, "--" + parameter.WireName }
            .Distinct(StringComparer.Ordinal)
            .Where(name => !GlobalOptions.ReservedNames.Contains(name))
            .ToArray();

        // Only a parameter literally called "json", "webhook", "help" or "version" gets here.
        return names.Length > 0 ? names : ["--param-" + parameter.KebabName];
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

        if (parameter.Type.Kind == Bitrix24ValueKind.Array)
        {
            text.Append(" Repeat the option or separate values with commas.");
        }

        if (parameter.Default is not null)
        {
            text.Append(" Portal default: ").Append(parameter.Default).Append('.');
        }

        return text.ToString();
    }

    private JsonNode? Convert(ArgumentResult result)
    {
        string[] tokens = result.Tokens.Select(token => token.Value).ToArray();
        if (ParameterValueParser.TryParse(Parameter.Type, tokens, out JsonNode? value, out string? invalid))
        {
            return value;
        }

        result.AddError($"Invalid value '{invalid}' for {DisplayName}: expected {ValueFormat.Expected(Parameter.Type)}.");
        return null;
    }
}
