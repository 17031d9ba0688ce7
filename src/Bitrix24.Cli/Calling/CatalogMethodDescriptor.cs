using System.Text.Json;
using Bitrix24.Cli.Arguments;

namespace Bitrix24.Cli.Calling;

/// <summary>
/// A callable SDK method made at run time from a catalog entry: the same client path as the generated
/// methods (URL, auth, envelope, errors, redaction), with the given parameters as the body and the
/// result kept as raw JSON.
/// </summary>
internal static class CatalogMethodDescriptor
{
    public static Bitrix24Method<MethodArguments, JsonElement> Create(Bitrix24MethodInfo method) => new()
    {
        Name = method.Name,
        Summary = method.Summary,
        DocsUrl = method.DocsUrl,
        Scopes = method.Scopes,
        IsIdempotent = method.IsIdempotent,
        Parameters = method.Parameters,
        Result = method.Result,
        WriteParameters = static (writer, arguments) => arguments.WriteTo(writer),
        ReadResult = static (ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader),
    };
}
