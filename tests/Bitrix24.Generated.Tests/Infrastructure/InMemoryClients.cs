namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>
/// Clients on an in-memory <see cref="HttpMessageHandler"/> instead of the emulator, for tests that script
/// the portal's answers byte by byte, and <see cref="EchoChat"/>, a method descriptor such tests call.
/// </summary>
public static class InMemoryClients
{
    /// <summary><c>test.chat.echo</c>: sends <c>CHAT_ID</c>, reads an integer result.</summary>
    public static Bitrix24Method<int, int> EchoChat { get; } = new()
    {
        Name = "test.chat.echo",
        Result = Bitrix24ValueType.Int32,
        WriteParameters = static (writer, chatId) => writer.WriteNumber("CHAT_ID", chatId),
        ReadResult = static (ref System.Text.Json.Utf8JsonReader reader) => Bitrix24Json.ReadInt32(ref reader),
    };

    /// <summary>A webhook client with pacing off; the handler answers every call.</summary>
    public static Bitrix24Client Create(HttpMessageHandler handler, Action<Bitrix24ClientOptions>? configure = null)
    {
        Bitrix24ClientOptions options = Bitrix24ClientOptions.Webhook("https://example.bitrix24.com/rest/1/abc123xyz/");
        options.RateLimit = Bitrix24RateLimit.Off;
        configure?.Invoke(options);
        return new Bitrix24Client(options, new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
    }
}
