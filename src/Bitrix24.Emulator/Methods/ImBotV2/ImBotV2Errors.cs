namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// The errors of the <c>imbot.v2.*</c> pages, with the "Description" column's text as <c>error_description</c>.
/// </summary>
/// <remarks>
/// Every page says only "HTTP Status: 400, 403" without pairing codes with statuses (BOTS-V2.md §10). The emulator
/// answers 403 when the caller is known but not allowed (<c>BOT_OWNERSHIP_ERROR</c>, <c>ACCESS_DENIED</c>, and
/// <c>WRONG_AUTH_TYPE</c> as the v1 pages give it) and 400 for everything else: a missing or invalid parameter
/// (<c>BOT_TOKEN_NOT_SPECIFIED</c> included, like <c>BOT_ID_REQUIRED</c>), an unknown id, a limit. Clients should
/// map by code; the SDK does.
/// </remarks>
internal static class ImBotV2Errors
{
    // Common to the bot-bound methods (the changelog's BOT-NEW-0408-1 and send-command.md "Authorization Errors").
    public static EmulatedRestException BotTokenNotSpecified() => new(400, "BOT_TOKEN_NOT_SPECIFIED", "Bot token is not specified");

    public static EmulatedRestException BotIdRequired() => new(400, "BOT_ID_REQUIRED", "Bot ID is required");

    public static EmulatedRestException BotNotFound() => new(400, "BOT_NOT_FOUND", "Bot not found");

    public static EmulatedRestException BotOwnershipError() => new(403, "BOT_OWNERSHIP_ERROR", "Bot is registered by another application");

    public static EmulatedRestException AccessDenied() => new(403, "ACCESS_DENIED", "Access denied");

    // The v1 pages' text for session calls; the v2 pages list no code for them (see BotOwner.Of).
    public static EmulatedRestException WrongAuthType() => new(403, "WRONG_AUTH_TYPE", "Access for this method not allowed by session authorization.");

    // Bot.get
    public static EmulatedRestException ParamsRequired() => new(400, "PARAMS_REQUIRED", "Required parameters are missing");

    // Bot.register and Bot.update
    public static EmulatedRestException BotCodeRequired() => new(400, "BOT_CODE_REQUIRED", "Bot code is required");

    public static EmulatedRestException BotPropertiesRequired() => new(400, "BOT_PROPERTIES_REQUIRED", "Bot properties are required");

    public static EmulatedRestException BotCodeAlreadyTaken() => new(400, "BOT_CODE_ALREADY_TAKEN", "Bot code is already taken");

    public static EmulatedRestException BotInvalidType() => new(400, "BOT_INVALID_TYPE", "Invalid bot type");

    public static EmulatedRestException BotInvalidEventMode() => new(400, "BOT_INVALID_EVENT_MODE", "Invalid event mode");

    public static EmulatedRestException BotWebhookUrlRequired() => new(400, "BOT_WEBHOOK_URL_REQUIRED", "Webhook URL is required");

    public static EmulatedRestException BotInvalidCallback() => new(400, "BOT_INVALID_CALLBACK", "Invalid callback URL");

    public static EmulatedRestException BotLimitExceeded() => new(400, "BOT_LIMIT_EXCEEDED", "Bot limit exceeded");

    public static EmulatedRestException BotAvatarIncorrectType() => new(400, "BOT_AVATAR_INCORRECT_TYPE", "Avatar must be an image");

    // The changelog (BOT-BC-0506-1) names the code but gives no text.
    public static EmulatedRestException BotTokenInvalidLength() => new(400, "BOT_TOKEN_INVALID_LENGTH", "Bot token must not be longer than 40 characters");

    public static EmulatedRestException BotTokenRotationFailed() => new(400, "BOT_TOKEN_ROTATION_FAILED", "Bot token rotation failed");

    // Chat.Message.*
    public static EmulatedRestException EmptyMessage() => new(400, "EMPTY_MESSAGE", "Message is empty");

    public static EmulatedRestException AttachError() => new(400, "ATTACH_ERROR", "The attachment structure is incorrect");

    public static EmulatedRestException AttachOversize() => new(400, "ATTACH_OVERSIZE", "The attachment exceeds 60,000 characters");

    // Command.*
    public static EmulatedRestException CommandRequired() => new(400, "COMMAND_REQUIRED", "Command is required");

    public static EmulatedRestException CommandNameInvalid() => new(400, "COMMAND_NAME_INVALID", "Command name is invalid");

    public static EmulatedRestException CommandTitleRequired() => new(400, "COMMAND_TITLE_REQUIRED", "Command title is required");

    public static EmulatedRestException CommandNotFound() => new(400, "COMMAND_NOT_FOUND", "Command not found");

    public static EmulatedRestException CommandAnswerFailed() => new(400, "COMMAND_ANSWER_FAILED", "Command answer failed");

    // Event.get: "Scope error — Missing scope im — required when using withUserEvents: true"; the caller is known but not allowed.
    public static EmulatedRestException ScopeError() => new(403, "SCOPE_ERROR", "Scope error");

    public static EmulatedRestException UserNotSubscribed() => new(400, "USER_NOT_SUBSCRIBED", "User not subscribed");

    // Event.get documents the range 1–1000 but no error for a value outside it; this code is the emulator's own.
    public static EmulatedRestException InvalidLimit(int max) => new(400, "INVALID_LIMIT", $"limit must be between 1 and {max}");
}
