using System.Text.Json.Nodes;

namespace Bitrix24.Events.Tests.Infrastructure;

/// <summary>
/// The genuine deliveries the event tests and the receive benchmark start from: the docs' ONIMBOTV2MESSAGEADD
/// (and a JOINCHAT) as the emulator sends them, every field of the docs' example, both auth blocks complete, the
/// top-level <c>auth[application_token]</c> written last. Form-encode them with the emulator's
/// <c>HttpBuildQuery.Encode</c>; the benchmark links this file.
/// </summary>
internal static class SampleDeliveries
{
    public static JsonObject MessageAdd(string token, string? botToken = null) => new()
    {
        ["event"] = "ONIMBOTV2MESSAGEADD",
        ["event_handler_id"] = "17",
        ["data"] = new JsonObject
        {
            ["bot"] = Bot(botToken ?? token),
            ["message"] = new JsonObject
            {
                ["id"] = 789,
                ["chatId"] = 5,
                ["authorId"] = 1,
                ["date"] = "2025-01-15T10:30:00+02:00",
                ["text"] = "Hello bot!",
                ["isSystem"] = false,
                ["uuid"] = string.Empty,
                ["forward"] = null,
                ["params"] = new JsonObject(),
                ["viewedByOthers"] = false,
            },
            ["chat"] = Chat(),
            ["user"] = User(),
            ["language"] = "en",
        },
        ["ts"] = "1772093963",
        ["auth"] = Auth(token),
    };

    public static JsonObject JoinChat(string token, string? botToken = null) => new()
    {
        ["event"] = "ONIMBOTV2JOINCHAT",
        ["event_handler_id"] = "18",
        ["data"] = new JsonObject
        {
            ["bot"] = Bot(botToken ?? token),
            ["dialogId"] = "chat5",
            ["chat"] = Chat(),
            ["user"] = User(),
            ["language"] = "en",
        },
        ["ts"] = "1772093963",
        ["auth"] = Auth(token),
    };

    private static JsonObject Bot(string token) => new() { ["id"] = 456, ["code"] = "support_bot", ["auth"] = Auth(token) };

    private static JsonObject Chat() => new()
    {
        ["id"] = 5,
        ["dialogId"] = "chat5",
        ["type"] = "lines",
        ["name"] = "John Smith - Support",
        ["entityType"] = "LINES",
        ["entityId"] = "livechat|1|5|1",
        ["owner"] = 0,
        ["avatar"] = string.Empty,
        ["color"] = "#ab7761",
    };

    private static JsonObject User() => new()
    {
        ["id"] = 1,
        ["active"] = true,
        ["name"] = "John Smith",
        ["firstName"] = "John",
        ["lastName"] = "Smith",
        ["workPosition"] = "Developer",
        ["color"] = "#df532d",
        ["avatar"] = string.Empty,
        ["gender"] = "M",
        ["birthday"] = string.Empty,
        ["extranet"] = false,
        ["bot"] = false,
        ["connector"] = false,
        ["externalAuthId"] = "default",
        ["status"] = "online",
        ["idle"] = false,
        ["lastActivityDate"] = "2025-01-15T10:29:00+02:00",
        ["mobileLastDate"] = false,
        ["desktopLastDate"] = false,
        ["absent"] = false,
        ["departments"] = new JsonArray(1),
        ["phones"] = false,
        ["type"] = "employee",
        ["website"] = string.Empty,
        ["email"] = "john.smith@example.com",
    };

    private static JsonObject Auth(string token) => new()
    {
        ["access_token"] = "s6p6eclrvim6da22ft9ch94ekreb52lv",
        ["expires"] = 1772097563,
        ["expires_in"] = 3600,
        ["scope"] = "imbot,im,imopenlines",
        ["domain"] = "example.bitrix24.com",
        ["server_endpoint"] = "https://oauth.bitrix.info/rest/",
        ["status"] = "L",
        ["client_endpoint"] = "https://example.bitrix24.com/rest/",
        ["member_id"] = "a223c6b3710f85df22e9377d6c4f7553",
        ["user_id"] = 1,
        ["refresh_token"] = "4s386p3q0tr8dy89xvmt96234v3dljg8",
        ["application_token"] = token,
    };
}
