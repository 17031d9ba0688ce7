using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.Recording;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests;

/// <summary>What each method puts on the wire, through a webhook, for every call shape, as the portal receives it.</summary>
public sealed class WireFormatTests
{
    /// <summary>The three ways to call every generated method.</summary>
    public enum CallShape
    {
        Parameters,
        Request,
        WithResponse,
    }

    /// <summary>The demo webhook's path: <c>/rest/{user}/{code}/</c>.</summary>
    private const string Prefix = "/rest/1/emulatorhookcode/";

    private const int Chat = DemoPortal.ChatId;
    private const int Operator = DemoPortal.FirstOperatorId;
    private const int Queue = DemoPortal.LineId;
    private const string QueueTransferId = "queue1";
    private const string BotClientId = DemoPortal.BotClientId;

    [Fact]
    public async Task Message_send_sends_the_docs_curl_body_byte_for_byte()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        bool ok = await client.ImOpenLines.Bot.Session.Message.SendAsync(chatId: 112, name: AutoMessageType.Default, message: "Hello! How can I assist you?");

        Assert.True(ok);
        ReceivedRequest request = Assert.Single(portal.Requests.All);
        JsonAssert.IsJsonPost(request);
        Assert.Equal("/rest/1/emulatorhookcode/imopenlines.bot.session.message.send", request.Target);
        Assert.Equal("""{"CHAT_ID":112,"NAME":"DEFAULT","MESSAGE":"Hello! How can I assist you?"}""", request.Body);
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Message_send_sends_welcome_and_omits_the_unset_message(CallShape shape)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        var api = client.ImOpenLines.Bot.Session.Message;
        var request = new ImOpenLinesBotSessionMessageSendRequest { ChatId = Chat, Name = AutoMessageType.Welcome };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.SendAsync(Chat, AutoMessageType.Welcome),
            CallShape.Request => await api.SendAsync(request),
            _ => (await api.SendWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(portal, "imopenlines.bot.session.message.send", """{"CHAT_ID":112,"NAME":"WELCOME"}""");
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Message_send_with_only_the_chat_sends_only_CHAT_ID(CallShape shape)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        var api = client.ImOpenLines.Bot.Session.Message;
        var request = new ImOpenLinesBotSessionMessageSendRequest { ChatId = Chat };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.SendAsync(Chat),
            CallShape.Request => await api.SendAsync(request),
            _ => (await api.SendWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(portal, "imopenlines.bot.session.message.send", """{"CHAT_ID":112}""");
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Operator_sends_CHAT_ID(CallShape shape)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        var api = client.ImOpenLines.Bot.Session;
        var request = new ImOpenLinesBotSessionOperatorRequest { ChatId = Chat };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.OperatorAsync(Chat),
            CallShape.Request => await api.OperatorAsync(request),
            _ => (await api.OperatorWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(portal, "imopenlines.bot.session.operator", """{"CHAT_ID":112}""");
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Transfer_sends_every_set_parameter_and_LEAVE_as_Y(CallShape shape)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        var api = client.ImOpenLines.Bot.Session;
        var request = new ImOpenLinesBotSessionTransferRequest
        {
            ChatId = Chat, UserId = Operator, QueueId = Queue, TransferId = QueueTransferId, Leave = true, ClientId = BotClientId,
        };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.TransferAsync(Chat, userId: Operator, queueId: Queue, transferId: QueueTransferId, leave: true, clientId: BotClientId),
            CallShape.Request => await api.TransferAsync(request),
            _ => (await api.TransferWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(portal, "imopenlines.bot.session.transfer",
            """{"CHAT_ID":112,"USER_ID":3,"QUEUE_ID":1,"TRANSFER_ID":"queue1","LEAVE":"Y","CLIENT_ID":"demo-support-bot"}""");
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Transfer_sends_LEAVE_false_as_N_and_omits_unset_targets(CallShape shape)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        var api = client.ImOpenLines.Bot.Session;
        var request = new ImOpenLinesBotSessionTransferRequest { ChatId = Chat, QueueId = Queue, Leave = false, ClientId = BotClientId };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.TransferAsync(Chat, queueId: Queue, leave: false, clientId: BotClientId),
            CallShape.Request => await api.TransferAsync(request),
            _ => (await api.TransferWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(portal, "imopenlines.bot.session.transfer", """{"CHAT_ID":112,"QUEUE_ID":1,"LEAVE":"N","CLIENT_ID":"demo-support-bot"}""");
    }

    [Fact]
    public async Task Transfer_omits_LEAVE_when_left_null_so_the_portal_default_applies()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        Assert.True(await client.ImOpenLines.Bot.Session.TransferAsync(Chat, transferId: QueueTransferId, clientId: BotClientId));

        AssertSent(portal, "imopenlines.bot.session.transfer", """{"CHAT_ID":112,"TRANSFER_ID":"queue1","CLIENT_ID":"demo-support-bot"}""");
    }

    [Theory]
    [InlineData(CallShape.Parameters)]
    [InlineData(CallShape.Request)]
    [InlineData(CallShape.WithResponse)]
    public async Task Finish_sends_CHAT_ID_and_CLIENT_ID(CallShape shape)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        var api = client.ImOpenLines.Bot.Session;
        var request = new ImOpenLinesBotSessionFinishRequest { ChatId = Chat, ClientId = BotClientId };

        bool ok = shape switch
        {
            CallShape.Parameters => await api.FinishAsync(Chat, clientId: BotClientId),
            CallShape.Request => await api.FinishAsync(request),
            _ => (await api.FinishWithResponseAsync(request)).Result,
        };

        Assert.True(ok);
        AssertSent(portal, "imopenlines.bot.session.finish", """{"CHAT_ID":112,"CLIENT_ID":"demo-support-bot"}""");
    }

    [Fact]
    public async Task Finish_omits_CLIENT_ID_when_left_null()
    {
        // An application's bot is known by its token, so an OAuth call needs no CLIENT_ID (a webhook's does).
        await using var portal = await EmulatedPortal.StartAsync();
        var tokens = portal.IssueTokens();
        using var client = EmulatorClients.OAuth(portal, tokens);

        Assert.True(await client.ImOpenLines.Bot.Session.FinishAsync(Chat));

        ReceivedRequest request = Assert.Single(portal.Requests.All);
        JsonAssert.IsJsonPost(request);
        Assert.Equal("/rest/imopenlines.bot.session.finish", request.Target);
        JsonAssert.Equivalent($$"""{"CHAT_ID":112,"auth":"{{tokens.AccessToken}}"}""", request.Body);
    }

    [Fact]
    public async Task WithResponse_returns_the_result_status_and_time()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        Bitrix24Response<bool> response = await client.ImOpenLines.Bot.Session.OperatorWithResponseAsync(new() { ChatId = Chat });

        Assert.True(response.Result);
        Assert.Equal(200, response.StatusCode);
        Assert.NotNull(response.Time.Start);
    }

    [Fact]
    public async Task Result_false_is_returned_as_false()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.Reply(200, """{"result":false}"""));
        using var client = EmulatorClients.Webhook(portal);

        Assert.False(await client.ImOpenLines.Bot.Session.OperatorAsync(Chat));
    }

    [Fact]
    public async Task Text_with_quotes_and_non_ASCII_arrives_intact()
    {
        // Escaping is the writer's business; what matters is that the portal decodes the same text.
        const string text = "Привет, \"друг\" <b>&</b> can't\n🙂";
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        await client.ImOpenLines.Bot.Session.Message.SendAsync(Chat, AutoMessageType.Default, text);

        var body = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(portal.Requests.All).Body)!;
        Assert.Equal(text, (string?)body["MESSAGE"]);
    }

    [Fact]
    public async Task Non_ASCII_text_is_sent_as_raw_UTF8_not_as_escapes()
    {
        // Cyrillic as \uXXXX escapes would make a Russian-language bot's bodies six times larger.
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        await client.ImOpenLines.Bot.Session.Message.SendAsync(Chat, AutoMessageType.Default, "Здравствуйте! Чем помочь?");

        Assert.Equal("""{"CHAT_ID":112,"NAME":"DEFAULT","MESSAGE":"Здравствуйте! Чем помочь?"}""", Assert.Single(portal.Requests.All).Body);
    }

    [Fact]
    public async Task Consecutive_calls_on_one_client_each_post_once_in_order()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        await client.ImOpenLines.Bot.Session.OperatorAsync(Chat);
        await client.ImOpenLines.Bot.Session.FinishAsync(Chat, clientId: BotClientId);

        Assert.Collection(
            portal.Requests.All,
            r => Assert.Equal(Prefix + "imopenlines.bot.session.operator", r.Target),
            r => Assert.Equal(Prefix + "imopenlines.bot.session.finish", r.Target));
    }

    /// <summary>The portal received exactly one JSON POST to <paramref name="method"/> on the webhook, with no query string, and this body.</summary>
    private static void AssertSent(EmulatedPortal portal, string method, string expectedBody)
    {
        ReceivedRequest request = Assert.Single(portal.Requests.All);
        JsonAssert.IsJsonPost(request);
        Assert.Equal(Prefix + method, request.Target);
        JsonAssert.Equivalent(expectedBody, request.Body);
    }
}
