using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests;

/// <summary>What each method puts on the wire, through a webhook, for every call shape.</summary>
public sealed class WireFormatTests
{
    /// <summary>The three ways to call every generated method.</summary>
    public enum CallShape
    {
        Parameters,
        Request,
        WithResponse,
    }

    private const string Prefix = TestPortal.WebhookPath;

    [Fact]
    public async Task Message_send_sends_the_docs_curl_body_byte_for_byte()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook($"{server}/rest/1/abc123xyz/"));

        bool ok = await client.ImOpenLines.Bot.Session.Message.SendAsync(chatId: 112, name: AutoMessageType.Default, message: "Hello! How can I assist you?");

        Assert.True(ok);
        RecordedRequest request = Assert.Single(server.Requests);
        JsonAssert.IsJsonPost(request);
        Assert.Equal("/rest/1/abc123xyz/imopenlines.bot.session.message.send", request.Path);
        Assert.Equal(string.Empty, request.Query);
        Assert.Equal("""{"CHAT_ID":112,"NAME":"DEFAULT","MESSAGE":"Hello! How can I assist you?"}""", request.Body);
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Message_send_sends_welcome_and_omits_the_unset_message(CallShape shape)
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);
        var api = client.ImOpenLines.Bot.Session.Message;
        var request = new ImOpenLinesBotSessionMessageSendRequest { ChatId = 112, Name = AutoMessageType.Welcome };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.SendAsync(112, AutoMessageType.Welcome),
            CallShape.Request => await api.SendAsync(request),
            _ => (await api.SendWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(server, "imopenlines.bot.session.message.send", """{"CHAT_ID":112,"NAME":"WELCOME"}""");
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Message_send_with_only_the_chat_sends_only_CHAT_ID(CallShape shape)
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);
        var api = client.ImOpenLines.Bot.Session.Message;
        var request = new ImOpenLinesBotSessionMessageSendRequest { ChatId = 7 };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.SendAsync(7),
            CallShape.Request => await api.SendAsync(request),
            _ => (await api.SendWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(server, "imopenlines.bot.session.message.send", """{"CHAT_ID":7}""");
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Operator_sends_CHAT_ID(CallShape shape)
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);
        var api = client.ImOpenLines.Bot.Session;
        var request = new ImOpenLinesBotSessionOperatorRequest { ChatId = 112 };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.OperatorAsync(112),
            CallShape.Request => await api.OperatorAsync(request),
            _ => (await api.OperatorWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(server, "imopenlines.bot.session.operator", """{"CHAT_ID":112}""");
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Transfer_sends_every_set_parameter_and_LEAVE_as_Y(CallShape shape)
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);
        var api = client.ImOpenLines.Bot.Session;
        var request = new ImOpenLinesBotSessionTransferRequest
        {
            ChatId = 112, UserId = 7, QueueId = 5, TransferId = "queue5", Leave = true, ClientId = "bot-client",
        };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.TransferAsync(112, userId: 7, queueId: 5, transferId: "queue5", leave: true, clientId: "bot-client"),
            CallShape.Request => await api.TransferAsync(request),
            _ => (await api.TransferWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(server, "imopenlines.bot.session.transfer",
            """{"CHAT_ID":112,"USER_ID":7,"QUEUE_ID":5,"TRANSFER_ID":"queue5","LEAVE":"Y","CLIENT_ID":"bot-client"}""");
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Transfer_sends_LEAVE_false_as_N_and_omits_unset_targets(CallShape shape)
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);
        var api = client.ImOpenLines.Bot.Session;
        var request = new ImOpenLinesBotSessionTransferRequest { ChatId = 112, QueueId = 5, Leave = false };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.TransferAsync(112, queueId: 5, leave: false),
            CallShape.Request => await api.TransferAsync(request),
            _ => (await api.TransferWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(server, "imopenlines.bot.session.transfer", """{"CHAT_ID":112,"QUEUE_ID":5,"LEAVE":"N"}""");
    }

    [Fact]
    public async Task Transfer_omits_LEAVE_when_left_null_so_the_portal_default_applies()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);

        await client.ImOpenLines.Bot.Session.TransferAsync(112, transferId: "queue5");

        AssertSent(server, "imopenlines.bot.session.transfer", """{"CHAT_ID":112,"TRANSFER_ID":"queue5"}""");
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Finish_sends_CHAT_ID_and_CLIENT_ID(CallShape shape)
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);
        var api = client.ImOpenLines.Bot.Session;
        var request = new ImOpenLinesBotSessionFinishRequest { ChatId = 112, ClientId = "bot-client" };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.FinishAsync(112, clientId: "bot-client"),
            CallShape.Request => await api.FinishAsync(request),
            _ => (await api.FinishWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(server, "imopenlines.bot.session.finish", """{"CHAT_ID":112,"CLIENT_ID":"bot-client"}""");
    }

    [Fact]
    public async Task Finish_omits_CLIENT_ID_when_left_null()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);

        await client.ImOpenLines.Bot.Session.FinishAsync(112);

        AssertSent(server, "imopenlines.bot.session.finish", """{"CHAT_ID":112}""");
    }

    [Fact]
    public async Task WithResponse_returns_the_result_status_and_time()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);

        Bitrix24Response<bool> response = await client.ImOpenLines.Bot.Session.OperatorWithResponseAsync(new() { ChatId = 112 });

        Assert.True(response.Result);
        Assert.Equal(200, response.StatusCode);
        Assert.NotNull(response.Time.Start);
    }

    [Fact]
    public async Task Result_false_is_returned_as_false()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json("""{"result":false}"""));
        using var client = TestPortal.WebhookClient(server);

        Assert.False(await client.ImOpenLines.Bot.Session.OperatorAsync(112));
    }

    [Fact]
    public async Task Text_with_quotes_and_non_ASCII_arrives_intact()
    {
        // Escaping is the writer's business; what matters is that the portal decodes the same text.
        const string text = "Привет, \"друг\" <b>&</b> can't\n🙂";
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);

        await client.ImOpenLines.Bot.Session.Message.SendAsync(112, AutoMessageType.Default, text);

        var body = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(server.Requests).Body)!;
        Assert.Equal(text, (string?)body["MESSAGE"]);
    }

    [Fact]
    public async Task Non_ASCII_text_is_sent_as_raw_UTF8_not_as_escapes()
    {
        // Cyrillic as \uXXXX escapes would make a Russian-language bot's bodies six times larger.
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);

        await client.ImOpenLines.Bot.Session.Message.SendAsync(112, AutoMessageType.Default, "Здравствуйте! Чем помочь?");

        Assert.Equal("""{"CHAT_ID":112,"NAME":"DEFAULT","MESSAGE":"Здравствуйте! Чем помочь?"}""", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task Consecutive_calls_on_one_client_each_post_once_in_order()
    {
        await using var server = await LoopbackServer.StartAsync(Reply.Json(Bodies.True));
        using var client = TestPortal.WebhookClient(server);

        await client.ImOpenLines.Bot.Session.OperatorAsync(1);
        await client.ImOpenLines.Bot.Session.FinishAsync(2);

        Assert.Collection(
            server.Requests,
            r => Assert.Equal(Prefix + "imopenlines.bot.session.operator", r.Path),
            r => Assert.Equal(Prefix + "imopenlines.bot.session.finish", r.Path));
    }

    private static void AssertSent(LoopbackServer server, string method, string expectedBody)
    {
        RecordedRequest request = Assert.Single(server.Requests);
        JsonAssert.IsJsonPost(request);
        Assert.Equal(Prefix + method, request.Path);
        Assert.Equal(string.Empty, request.Query);
        JsonAssert.Equivalent(expectedBody, request.Body);
    }
}
