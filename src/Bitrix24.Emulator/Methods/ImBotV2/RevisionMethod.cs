using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// <c>imbot.v2.Revision.get</c>: no parameters, callable by any user (even a browser session), no method errors.
/// The emulator reports REST revision 36, the newest in the changelog, whose behaviour it follows (rotation with
/// <c>BOT_OWNERSHIP_ERROR</c> for the old token, no <c>bot.appId</c>, <c>BOT_TOKEN_INVALID_LENGTH</c>); the client
/// protocol revisions are the page's example values.
/// </summary>
internal static class RevisionMethod
{
    /// <summary>The REST revision the emulator implements.</summary>
    public const int Rest = 36;

    public static EmulatedMethod Create() => new("imbot.v2.Revision.get", ImBotV2Methods.Scopes, _ => new JsonObject
    {
        ["rest"] = Rest,
        ["web"] = 130,
        ["mobile"] = 23,
        ["desktop"] = 6,
    });
}
