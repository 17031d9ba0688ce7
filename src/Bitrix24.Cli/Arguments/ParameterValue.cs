using System.Text.Json.Nodes;

namespace Bitrix24.Cli.Arguments;

/// <summary>One parameter given on the command line, already converted to the JSON it sends.</summary>
/// <param name="Parameter">The catalog's description of the parameter.</param>
/// <param name="Value">The value as JSON (<c>112</c>, <c>"DEFAULT"</c>, <c>["a","b"]</c>, <c>{"message":"Hi"}</c>); null for a JSON null (a <c>json</c> parameter).</param>
internal sealed record ParameterValue(Bitrix24ParameterInfo Parameter, JsonNode? Value);
