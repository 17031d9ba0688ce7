using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Methods.Common;

/// <summary><c>profile</c>: the calling user, so batches have a result to reference and clients a cheap read-only call.</summary>
internal static class ProfileMethod
{
    public static EmulatedMethod Create() => new("profile", [], Run);

    private static JsonNode Run(EmulatedCall call)
    {
        var user = call.State.FindUserLocked(call.Caller.UserId);
        string[] names = (user?.Name ?? string.Empty).Split(' ', 2);
        return new JsonObject
        {
            ["ID"] = call.Caller.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ADMIN"] = user?.IsAdmin ?? false,
            ["NAME"] = names[0],
            ["LAST_NAME"] = names.Length > 1 ? names[1] : string.Empty,
        };
    }
}
