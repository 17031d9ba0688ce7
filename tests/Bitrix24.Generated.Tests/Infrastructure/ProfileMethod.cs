using System.Text.Json;

namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>
/// <c>profile</c> as an idempotent method descriptor (reading the caller's profile twice is harmless),
/// to show what the SDK repeats for idempotent methods that it never repeats for the bot-session ones.
/// </summary>
public static class ProfileMethod
{
    public static Bitrix24Method<object?, JsonElement> Descriptor { get; } = new()
    {
        Name = "profile",
        IsIdempotent = true,
        Result = Bitrix24ValueType.String,
        WriteParameters = static (_, _) => { },
        ReadResult = static (ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader),
    };
}
