using System.Text.Json.Nodes;
using Bitrix24.Emulator.Auth;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// The "application" a call acts for, which owns the bots it registers (send-command.md: "the owner of the registered
/// bot — the application or webhook on behalf of which the bot was registered"). An OAuth call is its application's
/// <c>client_id</c>. An incoming webhook has no client id: "Bitrix24 uses [<c>botToken</c>] to determine the bot owner
/// instead of the <c>client_id</c> application", so a webhook call is its <c>botToken</c>, and a bot registered
/// through a webhook belongs to the token it was registered with (after a rotation, to the new one). Any webhook
/// of the portal with the <c>imbot</c> scope that presents the token acts for that bot.
/// </summary>
/// <param name="ClientId">For an OAuth call, the application's client id.</param>
/// <param name="BotToken">For a webhook call, the <c>botToken</c> passed.</param>
internal sealed record BotOwner(string? ClientId, string? BotToken)
{
    /// <summary>
    /// Who is calling. A browser session (<c>sessid</c>) is refused with <c>WRONG_AUTH_TYPE</c>, as the v1 bot
    /// methods are; the v2 pages list no code for it, and a session has neither a client id nor a bot token.
    /// </summary>
    /// <param name="call">The call.</param>
    /// <param name="botToken">The <c>botToken</c> as sent (top level, or <c>fields.botToken</c> for <c>Bot.register</c>).</param>
    /// <exception cref="EmulatedRestException"><c>WRONG_AUTH_TYPE</c>, or <c>BOT_TOKEN_NOT_SPECIFIED</c> for a webhook call without a token.</exception>
    public static BotOwner Of(EmulatedCall call, JsonNode? botToken) => call.Caller.AuthKind switch
    {
        EmulatedAuthKind.OAuth => new BotOwner(call.Caller.AppClientId, null),
        EmulatedAuthKind.Webhook => new BotOwner(null, V2Parameters.NonBlank(botToken) ?? throw ImBotV2Errors.BotTokenNotSpecified()),
        _ => throw ImBotV2Errors.WrongAuthType(),
    };

    /// <summary>
    /// The bot a bot-bound method acts for, after the common checks in the changelog's order (BOT-NEW-0408-1):
    /// <c>BOT_TOKEN_NOT_SPECIFIED</c>, <c>BOT_ID_REQUIRED</c>, <c>BOT_NOT_FOUND</c>, <c>BOT_OWNERSHIP_ERROR</c>
    /// (another application's bot, or a different or rotated-away <c>botToken</c>).
    /// </summary>
    public static ChatBot RequireOwnedBot(EmulatedCall call)
    {
        BotOwner owner = Of(call, call.Parameters["botToken"]);
        long botId = V2Parameters.Int(call.Parameters, "botId");
        if (botId <= 0)
        {
            throw ImBotV2Errors.BotIdRequired();
        }

        ChatBot bot = call.State.FindBotLocked(V2Parameters.StateId(botId)) ?? throw ImBotV2Errors.BotNotFound();
        return owner.Owns(bot) ? bot : throw ImBotV2Errors.BotOwnershipError();
    }

    /// <summary>Whether the bot is this application's: registered by its client id, or bound to its token.</summary>
    public bool Owns(ChatBot bot) => ClientId is not null
        ? string.Equals(bot.AppClientId, ClientId, StringComparison.Ordinal)
        : BotToken is not null && string.Equals(bot.WebhookClientId, BotToken, StringComparison.Ordinal);

    /// <summary>Never shows the token.</summary>
    public override string ToString() => ClientId is not null ? "application " + ClientId : "webhook bot token";
}
