using System.Text.Json.Nodes;

namespace Bitrix24.Cli.Arguments;

/// <summary>
/// The converted value of an option. A box around the JSON, because a <c>json</c> parameter may be
/// JSON <c>null</c>, which <see cref="JsonNode"/> spells as a null reference and System.CommandLine
/// would take for "no value".
/// </summary>
/// <param name="Json">The JSON to send; null for JSON <c>null</c>.</param>
internal sealed record GivenValue(JsonNode? Json);
