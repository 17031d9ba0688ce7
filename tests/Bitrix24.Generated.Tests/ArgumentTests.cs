using System.Text.Json;
using Bitrix24.Emulator;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;
using Bitrix24.ImOpenLines;

namespace Bitrix24.Generated.Tests;

/// <summary>Bad arguments throw before anything is sent: the portal must receive no request.</summary>
public sealed class ArgumentTests
{
    // Note: no spec declares a required string parameter (CHAT_ID, the only required one, is an int),
    // so "required string left null" is covered through a hand-made descriptor below.
    private const AutoMessageType Undefined = (AutoMessageType)42;

    [Fact]
    public async Task An_undefined_enum_value_throws_and_sends_nothing_in_every_call_shape()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        var api = client.ImOpenLines.Bot.Session.Message;
        var request = new ImOpenLinesBotSessionMessageSendRequest { ChatId = DemoPortal.ChatId, Name = Undefined };

        var byParameters = await Assert.ThrowsAnyAsync<ArgumentException>(() => api.SendAsync(DemoPortal.ChatId, Undefined, "x"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => api.SendAsync(request));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => api.SendWithResponseAsync(request));

        Assert.IsType<ArgumentOutOfRangeException>(byParameters);
        Assert.Empty(portal.Requests.All);
    }

    [Fact]
    public async Task A_null_request_throws_ArgumentNullException_and_sends_nothing()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);
        var session = client.ImOpenLines.Bot.Session;

        await Assert.ThrowsAsync<ArgumentNullException>(() => session.Message.SendAsync((ImOpenLinesBotSessionMessageSendRequest)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => session.Message.SendWithResponseAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => session.OperatorAsync((ImOpenLinesBotSessionOperatorRequest)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => session.OperatorWithResponseAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => session.TransferAsync((ImOpenLinesBotSessionTransferRequest)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => session.TransferWithResponseAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => session.FinishAsync((ImOpenLinesBotSessionFinishRequest)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => session.FinishWithResponseAsync(null!));

        Assert.Empty(portal.Requests.All);
    }

    [Fact]
    public async Task A_writer_that_rejects_its_request_sends_nothing()
    {
        // The runtime contract generated writers rely on: the body is written before the request is
        // made, so a writer's ArgumentException (e.g. a required string left null) never reaches the portal.
        var method = new Bitrix24Method<string?, bool>
        {
            Name = "imopenlines.bot.session.message.send",
            Result = Bitrix24ValueType.Boolean,
            WriteParameters = static (writer, message) =>
            {
                writer.WriteNumber("CHAT_ID", 112);
                writer.WriteString("MESSAGE", message ?? throw new ArgumentNullException(nameof(message), "MESSAGE is required."));
            },
            ReadResult = static (ref Utf8JsonReader reader) => Bitrix24Json.ReadBoolean(ref reader),
        };
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.CallAsync(method, null));
        Assert.Empty(portal.Requests.All);

        // The same descriptor with a value goes through, so it was the argument that stopped it.
        Assert.True((await client.CallAsync(method, "Hi")).Result);
        Assert.Equal("""{"CHAT_ID":112,"MESSAGE":"Hi"}""", Assert.Single(portal.Requests.All).Body);
    }

    [Fact]
    public async Task CallAsync_rejects_a_null_method()
    {
        await using var portal = await EmulatedPortal.StartAsync();
        using var client = EmulatorClients.Webhook(portal);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.CallAsync<string, bool>(null!, "x"));
        Assert.Empty(portal.Requests.All);
    }

    [Fact]
    public void Constructors_and_factories_reject_missing_arguments()
    {
        Bitrix24ClientOptions options = ExamplePortal.WebhookOptions();
        Bitrix24OAuthTokens tokens = ExamplePortal.Tokens();
        Uri endpoint = tokens.ClientEndpoint;

        Assert.Throws<ArgumentNullException>(() => new Bitrix24Client(null!));
        Assert.Throws<ArgumentNullException>(() => new Bitrix24Client(options, null!));
        Assert.Throws<ArgumentNullException>(() => Bitrix24ClientOptions.Webhook((string)null!));
        Assert.Throws<ArgumentNullException>(() => Bitrix24ClientOptions.Webhook((Uri)null!));
        Assert.Throws<ArgumentNullException>(() => Bitrix24ClientOptions.OAuth(null!, ExamplePortal.ClientId, ExamplePortal.ClientSecret));
        Assert.ThrowsAny<ArgumentException>(() => Bitrix24ClientOptions.OAuth(tokens, "", ExamplePortal.ClientSecret));
        Assert.ThrowsAny<ArgumentException>(() => Bitrix24ClientOptions.OAuth(tokens, ExamplePortal.ClientId, " "));
        Assert.ThrowsAny<ArgumentException>(() => new Bitrix24OAuthTokens("", ExamplePortal.RefreshToken, endpoint));
        Assert.ThrowsAny<ArgumentException>(() => new Bitrix24OAuthTokens(ExamplePortal.AccessToken, "", endpoint));
        Assert.Throws<ArgumentNullException>(() => new Bitrix24OAuthTokens(ExamplePortal.AccessToken, ExamplePortal.RefreshToken, null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void RequestTimeout_must_be_positive(int milliseconds)
    {
        Bitrix24ClientOptions options = ExamplePortal.WebhookOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.RequestTimeout = TimeSpan.FromMilliseconds(milliseconds));
    }

    [Fact]
    public void RequestTimeout_defaults_to_60_seconds_and_accepts_infinite()
    {
        Bitrix24ClientOptions options = ExamplePortal.WebhookOptions();

        Assert.Equal(TimeSpan.FromSeconds(60), options.RequestTimeout);
        options.RequestTimeout = Timeout.InfiniteTimeSpan;
        Assert.Equal(Timeout.InfiniteTimeSpan, options.RequestTimeout);
    }
}
