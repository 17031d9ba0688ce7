using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary>
/// <c>imbot.v2.Bot.register</c>, <c>.update</c>, <c>.get</c>, <c>.list</c> and <c>.unregister</c> (bots/*.md): bots
/// belong to the application that registered them (<see cref="BotOwner"/>), a code is unique on the portal,
/// registration is idempotent per application and code, an application has at most 100 bots, and
/// <c>fields.botToken</c> of <c>Bot.update</c> rotates a webhook bot's token.
/// </summary>
internal static class BotMethods
{
    /// <summary>"A single application can register no more than 100 bots."</summary>
    public const int MaxBotsPerApplication = 100;

    /// <summary>"Maximum length — 40 characters" for <c>botToken</c>.</summary>
    public const int MaxBotTokenLength = 40;

    private const int DefaultListLimit = 50;

    /// <summary>
    /// From this day registration rejects a longer token with <c>BOT_TOKEN_INVALID_LENGTH</c> (BOT-BC-0506-1: "from
    /// 06.08.2026"); before it, any length is accepted. The portal's clock decides.
    /// </summary>
    private static readonly DateTimeOffset TokenLengthEnforcedFrom = new(2026, 8, 6, 0, 0, 0, TimeSpan.Zero);

    public static IEnumerable<EmulatedMethod> All() =>
    [
        new("imbot.v2.Bot.register", ImBotV2Methods.Scopes, Register),
        new("imbot.v2.Bot.update", ImBotV2Methods.Scopes, Update),
        new("imbot.v2.Bot.get", ImBotV2Methods.Scopes, Get),
        new("imbot.v2.Bot.list", ImBotV2Methods.Scopes, List),
        new("imbot.v2.Bot.unregister", ImBotV2Methods.Scopes, Unregister),
    ];

    /// <summary>
    /// Registers a bot and its user; <c>{bot (extended), users: [the bot's user]}</c>. Checks, in order: the token
    /// (<c>BOT_TOKEN_NOT_SPECIFIED</c>, then <c>BOT_TOKEN_INVALID_LENGTH</c>, which the changelog says also refuses a
    /// re-registration), <c>BOT_CODE_REQUIRED</c>, <c>BOT_PROPERTIES_REQUIRED</c>; then the code: the caller's own bot
    /// is returned as it is ("without updating the data"), another application's is <c>BOT_CODE_ALREADY_TAKEN</c>;
    /// then <c>BOT_INVALID_TYPE</c>, <c>BOT_INVALID_EVENT_MODE</c>, <c>BOT_WEBHOOK_URL_REQUIRED</c>,
    /// <c>BOT_INVALID_CALLBACK</c>, <c>BOT_AVATAR_INCORRECT_TYPE</c> and <c>BOT_LIMIT_EXCEEDED</c>.
    /// </summary>
    private static JsonNode Register(EmulatedCall call)
    {
        JsonObject? fields = V2Parameters.Object(call.Parameters, "fields");

        // bot-register.md and send-command.md put botToken inside fields; quick-start.md puts it next to fields
        // (BOTS-V2.md §9.2). The emulator reads fields.botToken and falls back to the top level, so both examples work.
        JsonNode? tokenNode = V2Parameters.NonBlank(fields?["botToken"]) is not null ? fields!["botToken"] : call.Parameters["botToken"];
        BotOwner owner = BotOwner.Of(call, tokenNode);
        if (owner.BotToken is { Length: > MaxBotTokenLength } && call.Now >= TokenLengthEnforcedFrom)
        {
            throw ImBotV2Errors.BotTokenInvalidLength();
        }

        string code = V2Parameters.Text(fields, "code")?.Trim() ?? string.Empty;
        if (code.Length == 0)
        {
            throw ImBotV2Errors.BotCodeRequired();
        }

        JsonObject? properties = V2Parameters.Object(fields, "properties");
        string name = V2Parameters.Text(properties, "name")?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            throw ImBotV2Errors.BotPropertiesRequired();
        }

        // Codes are unique on the portal: the same application gets its bot back, any other is refused.
        if (call.State.FindBotByCodeLocked(code) is { } existing)
        {
            return owner.Owns(existing) ? Result(call, existing) : throw ImBotV2Errors.BotCodeAlreadyTaken();
        }

        string type = V2Parameters.NonBlank(fields!["type"]) ?? BotTypes.Bot;
        if (!BotTypes.All.Contains(type, StringComparer.Ordinal))
        {
            throw ImBotV2Errors.BotInvalidType();
        }

        string eventMode = EventMode(fields, "fetch");
        string? webhookUrl = V2Parameters.NonBlank(fields["webhookUrl"])?.Trim();
        if (eventMode == "webhook" && webhookUrl is null)
        {
            throw ImBotV2Errors.BotWebhookUrlRequired();
        }

        RequireValidCallback(webhookUrl);
        RequireImageAvatar(properties);
        if (call.State.BotsLocked.Count(owner.Owns) >= MaxBotsPerApplication)
        {
            throw ImBotV2Errors.BotLimitExceeded();
        }

        BotProfile profile = ApplyProperties(new BotProfile(name), properties);
        ChatBot bot = call.State.AddBotWithUserLocked(id => new ChatBot(id, code, owner.ClientId, owner.BotToken)
        {
            Type = type,

            // BOTS-V2.md §9.5: bots/index.md ties isSupportOpenline to the openline type, the tutorial to type bot.
            // An openline bot always serves open lines here, and says so, as v1 documents for TYPE=O (OPENLINE forced to Y).
            IsSupportOpenline = type == BotTypes.OpenLine || V2Parameters.Flag(fields, "isSupportOpenline", false),
            IsHidden = V2Parameters.Flag(fields, "isHidden", false),
            IsReactionsEnabled = V2Parameters.Flag(fields, "isReactionsEnabled", true),
            BackgroundId = V2Objects.Background(V2Parameters.Text(fields, "backgroundId")),
            EventMode = eventMode,
            WebhookUrl = webhookUrl,
            Profile = profile,
            RegisteredWithV2 = true,
        }, profile.FullName);
        return Result(call, bot);
    }

    /// <summary>
    /// Changes what <c>fields</c> names and nothing else (<c>code</c> and <c>type</c> cannot change); every check
    /// runs before anything changes. <c>fields.botToken</c> rotates the token: blank is ignored, more than 40
    /// characters is <c>BOT_TOKEN_INVALID_LENGTH</c> (the changelog says the limit "already applies" to rotation but
    /// names no code; this one names the limit), a token another bot holds is <c>BOT_TOKEN_ROTATION_FAILED</c>. The
    /// old token "instantly loses access": its next call is <c>BOT_OWNERSHIP_ERROR</c>.
    /// </summary>
    private static JsonNode Update(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        JsonObject fields = V2Parameters.Object(call.Parameters, "fields") ?? new JsonObject();
        JsonObject? properties = V2Parameters.Object(fields, "properties");
        RequireImageAvatar(properties);

        string eventMode = EventMode(fields, bot.EventMode);
        string? webhookUrl = V2Parameters.Has(fields, "webhookUrl") ? V2Parameters.NonBlank(fields["webhookUrl"])?.Trim() : bot.WebhookUrl;
        RequireValidCallback(webhookUrl);
        if (eventMode == "webhook" && webhookUrl is null)
        {
            // The page lists no BOT_WEBHOOK_URL_REQUIRED for update: webhook mode with no URL is an invalid callback.
            throw ImBotV2Errors.BotInvalidCallback();
        }

        string? token = bot.WebhookClientId;
        if (V2Parameters.NonBlank(fields["botToken"]) is { } newToken)
        {
            if (newToken.Length > MaxBotTokenLength)
            {
                throw ImBotV2Errors.BotTokenInvalidLength();
            }

            if (call.State.BotsLocked.Any(b => b.Id != bot.Id && b.WebhookClientId == newToken))
            {
                throw ImBotV2Errors.BotTokenRotationFailed();
            }

            token = newToken;
        }

        BotProfile profile = ApplyProperties(bot.Profile ?? new BotProfile(call.State.UserNameLocked(bot.Id)), properties);
        ChatBot updated = bot with
        {
            WebhookClientId = token,
            IsHidden = V2Parameters.Flag(fields, "isHidden", bot.IsHidden),
            IsReactionsEnabled = V2Parameters.Flag(fields, "isReactionsEnabled", bot.IsReactionsEnabled),
            IsSupportOpenline = bot.Type == BotTypes.OpenLine || V2Parameters.Flag(fields, "isSupportOpenline", bot.IsSupportOpenline),
            BackgroundId = V2Parameters.Has(fields, "backgroundId") ? V2Objects.Background(V2Parameters.Text(fields, "backgroundId")) : bot.BackgroundId,
            EventMode = eventMode,
            WebhookUrl = webhookUrl,
            Profile = profile,
        };
        call.State.ReplaceBotLocked(updated, profile.FullName);
        return Result(call, updated);
    }

    /// <summary>
    /// One bot by <c>botId</c> (which wins when both are given) or <c>code</c>; <c>PARAMS_REQUIRED</c> without either.
    /// Any authorized caller may ask: the owner gets the extended form, others the brief one.
    /// </summary>
    private static JsonNode Get(EmulatedCall call)
    {
        BotOwner owner = BotOwner.Of(call, call.Parameters["botToken"]);
        long botId = V2Parameters.Int(call.Parameters, "botId");
        string? code = V2Parameters.NonBlank(call.Parameters["code"]);
        if (botId <= 0 && code is null)
        {
            throw ImBotV2Errors.ParamsRequired();
        }

        ChatBot bot = (botId > 0 ? call.State.FindBotLocked(V2Parameters.StateId(botId)) : call.State.FindBotByCodeLocked(code!))
            ?? throw ImBotV2Errors.BotNotFound();
        return Result(call, bot, extended: owner.Owns(bot));
    }

    /// <summary>
    /// The caller's bots, by id, in the extended form: <c>{bots, users, hasNextPage}</c>. <c>filter.type</c> keeps one
    /// type; "always returns a successful response", so an unknown type or an application without bots gives
    /// <c>bots: []</c>. <c>limit</c> defaults to 50 (no maximum is documented); <c>offset</c> to 0.
    /// </summary>
    private static JsonNode List(EmulatedCall call)
    {
        BotOwner owner = BotOwner.Of(call, call.Parameters["botToken"]);
        string? type = V2Parameters.Text(V2Parameters.Object(call.Parameters, "filter"), "type");
        long limit = V2Parameters.Int(call.Parameters, "limit");
        long offset = Math.Max(0, V2Parameters.Int(call.Parameters, "offset"));

        ChatBot[] all = call.State.BotsLocked.Where(owner.Owns).Where(b => type is null || b.Type == type).OrderBy(b => b.Id).ToArray();
        ChatBot[] page = all.Skip((int)Math.Min(offset, int.MaxValue)).Take(limit <= 0 ? DefaultListLimit : (int)Math.Min(limit, int.MaxValue)).ToArray();
        return new JsonObject
        {
            ["bots"] = new JsonArray(page.Select(b => (JsonNode)V2Objects.Bot(call.State, b, extended: true)).ToArray()),
            ["users"] = V2Objects.Users(call.State, page.Select(b => b.Id)),
            ["hasNextPage"] = offset + page.Length < all.Length,
        };
    }

    /// <summary>Deletes the bot: its commands go, it leaves its chats, its user is deactivated; <c>{result: true}</c>.</summary>
    private static JsonNode Unregister(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        call.State.RemoveBotLocked(bot.Id);
        return new JsonObject { ["result"] = true };
    }

    private static JsonObject Result(EmulatedCall call, ChatBot bot, bool extended = true) => new()
    {
        ["bot"] = V2Objects.Bot(call.State, bot, extended),
        ["users"] = V2Objects.Users(call.State, [bot.Id]),
    };

    private static string EventMode(JsonObject? fields, string fallback)
    {
        if (!V2Parameters.Has(fields, "eventMode"))
        {
            return fallback;
        }

        string? mode = V2Parameters.Text(fields, "eventMode");
        return mode is "fetch" or "webhook" ? mode : throw ImBotV2Errors.BotInvalidEventMode();
    }

    /// <summary>
    /// The handler URL must be absolute <c>http</c> or <c>https</c>. The tutorial asks for public HTTPS; the emulator
    /// also takes plain HTTP (and loopback hosts) so a bot under test can listen locally.
    /// </summary>
    private static void RequireValidCallback(string? url)
    {
        if (url is not null
            && !(Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            throw ImBotV2Errors.BotInvalidCallback();
        }
    }

    /// <summary>
    /// <c>properties.avatar</c> is Base64 without the <c>data:</c> prefix and must be an image: PNG, JPEG, GIF, WebP
    /// or BMP by its first bytes. The 5000×5000 px limit (<c>BOT_AVATAR_INCORRECT_SIZE</c>) is not checked.
    /// </summary>
    private static void RequireImageAvatar(JsonObject? properties)
    {
        string? avatar = V2Parameters.NonBlank(properties?["avatar"]);
        if (avatar is null)
        {
            return;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(avatar.Trim());
        }
        catch (FormatException)
        {
            throw ImBotV2Errors.BotAvatarIncorrectType();
        }

        bool image = bytes.AsSpan().StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47])
            || bytes.AsSpan().StartsWith((byte[])[0xFF, 0xD8, 0xFF])
            || bytes.AsSpan().StartsWith("GIF8"u8)
            || (bytes.AsSpan().StartsWith("RIFF"u8) && bytes.AsSpan(8).StartsWith("WEBP"u8))
            || bytes.AsSpan().StartsWith("BM"u8);
        if (!image)
        {
            throw ImBotV2Errors.BotAvatarIncorrectType();
        }
    }

    /// <summary>
    /// The profile with <c>properties</c> applied: a blank name is ignored, the other texts replace; a colour code
    /// that is not in the table is ignored ("If specified incorrectly, it is ignored"), as is a gender other than
    /// <c>M</c> or <c>F</c>.
    /// </summary>
    private static BotProfile ApplyProperties(BotProfile profile, JsonObject? properties)
    {
        if (properties is null)
        {
            return profile;
        }

        string? gender = V2Parameters.Text(properties, "gender");
        return profile with
        {
            Name = V2Parameters.NonBlank(properties["name"])?.Trim() ?? profile.Name,
            LastName = V2Parameters.Text(properties, "lastName")?.Trim() ?? profile.LastName,
            WorkPosition = V2Parameters.Text(properties, "workPosition")?.Trim() ?? profile.WorkPosition,
            Color = V2Objects.ColorHex(V2Parameters.Text(properties, "color")) ?? profile.Color,
            Gender = gender is "M" or "F" ? gender : profile.Gender,
        };
    }
}
