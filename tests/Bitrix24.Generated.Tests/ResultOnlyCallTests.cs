using System.Globalization;
using System.Net;
using System.Text;
using Bitrix24.Generated.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Bitrix24.Generated.Tests;

/// <summary>
/// <see cref="Bitrix24Client.CallForResultAsync{TRequest, TResult}"/>, which generated methods returning
/// the result use: it skips the time block of a success, yet an error keeps its whole time block and the
/// operating-limit gate still learns <c>operating_reset_at</c>.
/// </summary>
public sealed class ResultOnlyCallTests
{
    private static Bitrix24Method<int, int> Echo => InMemoryClients.EchoChat;

    [Fact]
    public async Task The_result_is_returned_and_an_error_still_carries_its_whole_time_block()
    {
        var answers = new Queue<(HttpStatusCode, string)>(
        [
            (HttpStatusCode.OK, """{"result":41,"time":{"start":1728633600.25,"date_start":"2024-10-11T10:00:00+02:00","operating_reset_at":1728634200}}"""),
            (HttpStatusCode.BadRequest, """{"error":"WRONG_CHAT","error_description":"The chat is not an open line","time":{"start":1728633601,"date_start":"2024-10-11T10:00:01+02:00"}}"""),
        ]);
        using var client = Client(answers, TimeProvider.System);

        Assert.Equal(41, await client.CallForResultAsync(Echo, 41));
        var error = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.CallForResultAsync(Echo, 41));

        Assert.Equal("WRONG_CHAT", error.Code);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1728633601), error.Time?.Start);
        Assert.Equal(new DateTimeOffset(2024, 10, 11, 10, 0, 1, TimeSpan.FromHours(2)), error.Time?.DateStart);
    }

    [Fact]
    public async Task The_reset_moment_of_a_result_only_success_is_where_a_later_block_without_time_ends()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 10, 11, 8, 0, 0, TimeSpan.Zero));
        DateTimeOffset resetAt = clock.GetUtcNow().AddMinutes(7);
        var answers = new Queue<(HttpStatusCode, string)>(
        [
            (HttpStatusCode.OK, $$$"""{"result":1,"time":{"start":1728633600,"operating":470.5,"operating_reset_at":{{{resetAt.ToUnixTimeSeconds()}}}}}"""),
            ((HttpStatusCode)429, """{"error":"OPERATION_TIME_LIMIT","error_description":"Method is blocked due to operation time limit."}"""),
        ]);
        using var client = Client(answers, clock, options => options.Retry.WaitForOperatingLimit = false);

        Assert.Equal(1, await client.CallForResultAsync(Echo, 1));
        await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.CallForResultAsync(Echo, 1));
        var notSent = await Assert.ThrowsAsync<Bitrix24ApiException>(() => client.CallForResultAsync(Echo, 1));

        // Without the success's reset moment the block would end a minute from now, the gate's fallback.
        Assert.Contains(resetAt.ToString("u", CultureInfo.InvariantCulture), notSent.Description, StringComparison.Ordinal);
        Assert.Empty(answers);
    }

    private static Bitrix24Client Client(Queue<(HttpStatusCode Status, string Body)> answers, TimeProvider clock, Action<Bitrix24ClientOptions>? configure = null) =>
        InMemoryClients.Create(new QueuedAnswers(answers), options =>
        {
            options.TimeProvider = clock;
            configure?.Invoke(options);
        });

    private sealed class QueuedAnswers(Queue<(HttpStatusCode Status, string Body)> answers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            (HttpStatusCode status, string body) = answers.Dequeue();
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
