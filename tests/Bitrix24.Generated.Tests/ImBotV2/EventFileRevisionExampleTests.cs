using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.ImBot;
using static Bitrix24.Generated.Tests.ImBotV2.DocsExamples;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>
/// imbot.v2.Event.get, File.upload, File.download and Revision.get against the examples of their pages
/// (imbot.v2/events/event-get.md, imbot.v2/files/*.md, imbot.v2/revision-get.md) and of the change log.
/// </summary>
public sealed class EventFileRevisionExampleTests
{
    // ----- Event.get (events/event-get.md) --------------------------------------------------------------------

    [Fact]
    public async Task EventGet_sends_the_combined_fetch_examples()
    {
        // "Retrieving Bot and User Events" (withUserEvents); JS, PHP, BX24.js and CRest send the OAuth body without auth.
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Event.get", "event-get-1.webhook.json", "event-get.response.json",
            c => c.ImBot.V2.Event.GetAsync(456, BotToken, offset: 1000, limit: 50, withUserEvents: true));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Event.get", "event-get-1.oauth.json", "event-get.response.json",
            c => c.ImBot.V2.Event.GetAsync(456, offset: 1000, limit: 50, withUserEvents: true));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Event.get", "event-get-1.oauth.json", "event-get.response.json",
            c => c.ImBot.V2.Event.GetAsync(456, offset: 1000, limit: 50, withUserEvents: true), WithoutAuth);
    }

    [Fact]
    public async Task EventGet_sends_the_code_examples()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Event.get", "event-get-2.webhook.json", "event-get.response.json",
            c => c.ImBot.V2.Event.GetAsync(new ImBotV2EventGetRequest { BotId = 456, BotToken = BotToken, Offset = 1000, Limit = 50 }));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Event.get", "event-get-2.oauth.json", "event-get.response.json",
            c => c.ImBot.V2.Event.GetAsync(456, offset: 1000, limit: 50));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Event.get", "event-get-2.oauth.json", "event-get.response.json",
            c => c.ImBot.V2.Event.GetAsync(456, offset: 1000, limit: 50), WithoutAuth);
    }

    [Fact]
    public async Task EventGet_reads_the_response_example()
    {
        (EventGetResult result, _) = await CallAsync(DocsAuth.OAuth, "imbot.v2.Event.get", "event-get.response.json",
            c => c.ImBot.V2.Event.GetAsync(456, offset: 1000, limit: 50));

        BotEvent e = Assert.Single(result.Events);
        Assert.Equal(1001, e.EventId);
        Assert.Equal("ONIMBOTV2MESSAGEADD", e.Type);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.FromHours(2)), e.Date);
        Assert.Equal(JsonValueKind.Object, e.Data!.Value.ValueKind);
        Assert.Equal(1002, result.NextOffset);
        Assert.False(result.HasMore);
        Assert.Null(result.LastEventId);
    }

    [Fact]
    public async Task EventGet_sends_and_reads_the_change_log_examples()
    {
        // change-log.md BOT-BC-0325-1: the response (result only, no time block) and the next request.
        (EventGetResult result, _) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Event.get", "change-log.event-get.response.json",
            c => c.ImBot.V2.Event.GetAsync(456, "...", offset: 1000));
        Assert.Empty(result.Events);
        Assert.Equal(1002, result.NextOffset);
        Assert.False(result.HasMore);

        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Event.get", "change-log.event-get.json", "event-get.response.json",
            c => c.ImBot.V2.Event.GetAsync(456, "...", offset: result.NextOffset));
    }

    [Fact]
    public async Task EventGet_keeps_the_data_of_the_MESSAGEADD_example_as_raw_json()
    {
        // events.md ONIMBOTV2MESSAGEADD "Example Data" in the place of event-get.md's empty data.
        JsonNode answer = Json("event-get.response.json");
        answer["result"]!["events"]![0]!["data"] = Json("events.messageadd-data.json");
        var portal = new DocsPortal(answer.ToJsonString());
        using Bitrix24Client client = Client(DocsAuth.OAuth, portal);

        EventGetResult result = await client.ImBot.V2.Event.GetAsync(456);

        JsonElement data = Assert.Single(result.Events).Data!.Value;
        Assert.Equal("Hello bot!", data.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("chat5", data.GetProperty("chat").GetProperty("dialogId").GetString());
        Assert.Equal(456, data.GetProperty("bot").GetProperty("id").GetInt32());
        Assert.True(JsonNode.DeepEquals(Json("events.messageadd-data.json"), JsonNode.Parse(data.GetRawText())));
    }

    // ----- File.upload / File.download (files/*.md) -----------------------------------------------------------

    private static FileUploadFields Report() => new() { Name = "report.pdf", Content = "SGVsbG8gV29ybGQh", Message = "Here is the report" };

    [Fact]
    public async Task FileUpload_sends_the_examples()
    {
        // The JS tab sends the OAuth body without auth; the PHP, BX24.js and CRest tabs the same with content
        // computed from a file (base64_encode(...), btoa('...')), so they have no fixed body to compare.
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.File.upload", "file-upload.webhook.json", "file-upload.response.json",
            c => c.ImBot.V2.File.UploadAsync(456, "chat5", Report(), BotToken));
        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.File.upload", "file-upload.oauth.json", "file-upload.response.json",
            c => c.ImBot.V2.File.UploadAsync(456, "chat5", Report()));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.File.upload", "file-upload.oauth.json", "file-upload.response.json",
            c => c.ImBot.V2.File.UploadAsync(456, "chat5", Report()), WithoutAuth);
    }

    [Fact]
    public async Task FileUpload_reads_the_response_example()
    {
        (FileUploadResult result, _) = await CallAsync(DocsAuth.OAuth, "imbot.v2.File.upload", "file-upload.response.json",
            c => c.ImBot.V2.File.UploadAsync(456, "chat5", Report()));

        ChatFile file = result.File!;
        Assert.Equal(138, file.Id);
        Assert.Equal(5, file.ChatId);
        Assert.Equal("report.pdf", file.Name);
        Assert.Equal("pdf", file.Extension);
        Assert.Equal(35341L, file.Size);
        Assert.Null(file.Image);
        Assert.Equal(123, result.MessageId);
        Assert.Equal(5, result.ChatId);
        Assert.Equal("chat5", result.DialogId);
    }

    [Fact]
    public async Task FileDownload_sends_the_examples_and_reads_the_response_example()
    {
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.File.download", "file-download.webhook.json", "file-download.response.json",
            c => c.ImBot.V2.File.DownloadAsync(456, 138, BotToken));
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.File.download", "file-download.oauth.json", "file-download.response.json",
            c => c.ImBot.V2.File.DownloadAsync(456, 138), WithoutAuth);
        FileDownloadResult result = await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.File.download", "file-download.oauth.json", "file-download.response.json",
            c => c.ImBot.V2.File.DownloadAsync(456, 138));

        Assert.Equal("https://**put_your_bitrix24_address**/rest/download.json?token=imbot%7CaW...", result.DownloadUrl);
    }

    // ----- Revision.get (revision-get.md) ---------------------------------------------------------------------

    [Fact]
    public async Task RevisionGet_sends_the_examples()
    {
        // The cURL (Webhook) tab sends no body, the JS and BX24.js tabs {}, the PHP, CRest and Go tabs no parameters:
        // the SDK sends an empty object. The cURL (OAuth) tab sends only auth.
        (_, string webhookBody) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Revision.get", "revision-get.response.json",
            c => c.ImBot.V2.Revision.GetAsync());
        AssertSameJson(new JsonObject(), webhookBody);

        await AssertSendsAsync(DocsAuth.OAuth, "imbot.v2.Revision.get", "revision-get.oauth.json", "revision-get.response.json",
            c => c.ImBot.V2.Revision.GetAsync());
    }

    [Fact]
    public async Task RevisionGet_reads_the_response_example()
    {
        (RevisionGetResult result, _) = await CallAsync(DocsAuth.Webhook, "imbot.v2.Revision.get", "revision-get.response.json",
            c => c.ImBot.V2.Revision.GetAsync(new ImBotV2RevisionGetRequest()));

        Assert.Equal(33, result.Rest);
        Assert.Equal(130, result.Web);
        Assert.Equal(23, result.Mobile);
        Assert.Equal(6, result.Desktop);
    }

    [Fact]
    public async Task RevisionGet_page_compatibility_check_sends_a_system_message()
    {
        // "Checking Compatibility Before a Call": from revision 33, Chat.Message.send with fields.system.
        await AssertSendsAsync(DocsAuth.Webhook, "imbot.v2.Chat.Message.send", "revision-get.compat-send.json", "chat-message-send.response.json",
            c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5", fields: new() { Message = "Hello", System = true }));
    }
}
