using System.Text.Json.Nodes;
using Bitrix24.Emulator.Events;
using Bitrix24.Emulator.State;

namespace Bitrix24.Emulator.Methods.ImBotV2;

/// <summary><c>imbot.v2.Event.get</c> (events/event-get.md): a <c>fetch</c>-mode bot's events, acknowledged by <c>offset</c>.</summary>
internal static class EventMethods
{
    /// <summary>"Maximum number of events returned (1–1000). Default is <c>100</c>".</summary>
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    public static IEnumerable<EmulatedMethod> All() =>
    [
        new("imbot.v2.Event.get", ImBotV2Methods.Scopes, Get),
    ];

    /// <summary>
    /// <c>{events: [{eventId, type, date, data}], nextOffset, hasMore}</c>. Checks, in order: the common ones
    /// (<c>BOT_TOKEN_NOT_SPECIFIED</c>, <c>BOT_ID_REQUIRED</c>, <c>BOT_NOT_FOUND</c>, <c>BOT_OWNERSHIP_ERROR</c>: "Only one
    /// application can receive events for a specific bot — the one that registered it"); <c>withUserEvents: true</c>,
    /// which needs the <c>im</c> scope (<c>SCOPE_ERROR</c>) and an <c>im.v2.Event.subscribe</c> the emulator does not
    /// have (<c>USER_NOT_SUBSCRIBED</c>); <c>limit</c> outside 1–1000, for which the page names no code (the emulator
    /// answers <c>INVALID_LIMIT</c> rather than guess a silent clamp). Then <c>offset</c> "confirms all events with IDs
    /// less than the specified value": they are removed for good. The rest come oldest first, up to <c>limit</c>;
    /// anything not acknowledged comes again on the next call. <c>nextOffset</c> is the last returned id + 1; with no
    /// events, the <c>offset</c> passed (at least 1), which acknowledges nothing new. <c>hasMore</c> tells whether more
    /// events wait beyond this page.
    /// </summary>
    private static JsonNode Get(EmulatedCall call)
    {
        ChatBot bot = BotOwner.RequireOwnedBot(call);
        if (V2Parameters.Flag(call.Parameters, "withUserEvents", false))
        {
            throw call.Caller.HasScope("im") ? ImBotV2Errors.UserNotSubscribed() : ImBotV2Errors.ScopeError();
        }

        int limit = DefaultLimit;
        if (call.Parameters["limit"] is not null)
        {
            long requested = V2Parameters.Int(call.Parameters, "limit");
            limit = requested is >= 1 and <= MaxLimit ? (int)requested : throw ImBotV2Errors.InvalidLimit(MaxLimit);
        }

        long offset = Math.Max(0, V2Parameters.Int(call.Parameters, "offset"));
        List<QueuedBotEvent> queue = call.State.EventQueueLocked(bot.Id);
        queue.RemoveAll(e => e.EventId < offset);

        QueuedBotEvent[] page = queue.Take(limit).ToArray();
        return new JsonObject
        {
            ["events"] = new JsonArray(page.Select(e => (JsonNode)new JsonObject
            {
                ["eventId"] = e.EventId,
                ["type"] = e.Type,
                ["date"] = V2Objects.Date(e.Date, call.UtcOffset),
                ["data"] = e.Data,
            }).ToArray()),
            ["nextOffset"] = page.Length > 0 ? page[^1].EventId + 1 : Math.Max(offset, 1),
            ["hasMore"] = queue.Count > page.Length,
        };
    }
}
