using Bitrix24.Emulator;
using Bitrix24.Emulator.Faults;
using Bitrix24.Emulator.State;
using Bitrix24.Generated.Tests.Infrastructure;

namespace Bitrix24.Generated.Tests;

/// <summary>
/// The <c>time</c> block and the paging fields beside <c>result</c> (FACTS.md 7), in every shape a
/// portal may send them: each test has the portal answer with a hand-written envelope.
/// </summary>
public sealed class ResponseTimeTests
{
    // Doubles at Unix-time magnitude keep about 0.2 µs; the SDK converts to ticks. A millisecond is plenty.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task Every_time_field_is_read()
    {
        const string body = """
            {"result":true,"time":{"start":1728633600.25,"finish":1728633601.75,"duration":1.5,"processing":0.125,
             "date_start":"2024-10-11T10:00:00+02:00","date_finish":"2024-10-11T10:00:01+02:00",
             "operating":12.5,"operating_reset_at":1728634200}}
            """;
        Bitrix24ResponseTime time = await CallAsync(body);

        AssertClose(new DateTimeOffset(2024, 10, 11, 8, 0, 0, TimeSpan.Zero).AddMilliseconds(250), time.Start);
        AssertClose(new DateTimeOffset(2024, 10, 11, 8, 0, 1, TimeSpan.Zero).AddMilliseconds(750), time.Finish);
        AssertClose(TimeSpan.FromSeconds(1.5), time.Duration);
        AssertClose(TimeSpan.FromMilliseconds(125), time.Processing);
        AssertClose(TimeSpan.FromSeconds(12.5), time.Operating);
        AssertClose(new DateTimeOffset(2024, 10, 11, 8, 10, 0, TimeSpan.Zero), time.OperatingResetAt);

        // The portal's own offset is kept, not converted to UTC or local time.
        Assert.Equal(new DateTimeOffset(2024, 10, 11, 10, 0, 0, TimeSpan.FromHours(2)), time.DateStart);
        Assert.Equal(TimeSpan.FromHours(2), time.DateStart!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 10, 11, 10, 0, 1, TimeSpan.FromHours(2)), time.DateFinish);
        Assert.Equal(TimeSpan.FromHours(2), time.DateFinish!.Value.Offset);
    }

    [Theory]
    [InlineData("2024-10-11T10:00:00Z", 0)]
    [InlineData("2024-10-11T10:00:00-05:30", -330)]
    [InlineData("2024-10-11T10:00:00", 0)] // no offset: taken as UTC, never as the machine's local time
    [InlineData("2024-10-11 10:00:00", 0)]
    public async Task Dates_in_other_layouts_are_read_with_their_offset_or_as_UTC(string date, int offsetMinutes)
    {
        Bitrix24ResponseTime time = await CallAsync($$$"""{"result":true,"time":{"date_start":"{{{date}}}","date_finish":"{{{date}}}"}}""");

        var expected = new DateTimeOffset(2024, 10, 11, 10, 0, 0, TimeSpan.FromMinutes(offsetMinutes));
        Assert.Equal(expected, time.DateStart);
        Assert.Equal(expected.Offset, time.DateStart!.Value.Offset);
        Assert.Equal(expected, time.DateFinish);
    }

    [Fact]
    public async Task Fractions_of_a_second_in_start_are_kept()
    {
        Bitrix24ResponseTime time = await CallAsync("""{"result":true,"time":{"start":1728633600.123456}}""");

        AssertClose(DateTimeOffset.FromUnixTimeMilliseconds(1728633600123).AddTicks(4560), time.Start);
    }

    [Fact]
    public async Task A_partial_time_block_leaves_the_missing_fields_null()
    {
        Bitrix24ResponseTime time = await CallAsync("""{"result":true,"time":{"start":1728633600,"duration":0.5}}""");

        AssertClose(DateTimeOffset.FromUnixTimeSeconds(1728633600), time.Start);
        AssertClose(TimeSpan.FromSeconds(0.5), time.Duration);
        Assert.Null(time.Finish);
        Assert.Null(time.Processing);
        Assert.Null(time.DateStart);
        Assert.Null(time.DateFinish);
        Assert.Null(time.Operating);
        Assert.Null(time.OperatingResetAt);
    }

    [Theory]
    [InlineData("""{"result":true}""")]
    [InlineData("""{"result":true,"time":null}""")]
    [InlineData("""{"result":true,"time":{}}""")]
    [InlineData("""{"result":true,"time":"garbage"}""")]
    [InlineData("""{"result":true,"time":[1,2,{"start":1}]}""")]
    public async Task No_usable_time_block_still_succeeds_with_every_field_null(string body)
    {
        Bitrix24ResponseTime time = await CallAsync(body);

        AssertAllNull(time);
    }

    [Fact]
    public async Task Garbage_inside_time_is_ignored_field_by_field()
    {
        const string body = """
            {"time":{"start":"not a number","finish":{"nested":[1,{"deep":true}]},"duration":null,"processing":[0.1],
             "date_start":12,"date_finish":"yesterday","operating":true,"operating_reset_at":1e300,
             "unknown":{"a":[{}]},"start_extra":"x"},
             "result":true}
            """;
        Bitrix24ResponseTime time = await CallAsync(body);

        AssertAllNull(time);
    }

    [Fact]
    public async Task Garbage_in_one_time_field_does_not_hide_the_others()
    {
        Bitrix24ResponseTime time = await CallAsync("""{"result":true,"time":{"finish":{"x":1},"start":1728633600,"date_start":"?","duration":"0.5"}}""");

        AssertClose(DateTimeOffset.FromUnixTimeSeconds(1728633600), time.Start);
        Assert.Null(time.Finish);
        Assert.Null(time.DateStart);
        AssertClose(TimeSpan.FromSeconds(0.5), time.Duration);
    }

    [Fact]
    public async Task Total_and_next_are_read_when_present()
    {
        Bitrix24Response<bool> response = await ResponseToAsync("""{"result":true,"total":120,"next":50,"time":{"start":1}}""");

        Assert.Equal(120, response.Total);
        Assert.Equal(50, response.Next);
    }

    [Theory]
    [InlineData("""{"result":true}""")]
    [InlineData("""{"result":true,"total":"many","next":{}}""")]
    public async Task Total_and_next_are_null_when_absent_or_unreadable(string body)
    {
        Bitrix24Response<bool> response = await ResponseToAsync(body);

        Assert.Null(response.Total);
        Assert.Null(response.Next);
    }

    /// <summary>The time block read from a portal answering <paramref name="body"/>.</summary>
    private static async Task<Bitrix24ResponseTime> CallAsync(string body)
    {
        Bitrix24Response<bool> response = await ResponseToAsync(body);

        Assert.NotNull(response.Time);
        return response.Time;
    }

    /// <summary>Calls <c>imopenlines.bot.session.operator</c> on a portal that answers 200 with <paramref name="body"/>; the result must be true.</summary>
    private static async Task<Bitrix24Response<bool>> ResponseToAsync(string body)
    {
        await using var portal = await EmulatedPortal.StartAsync();
        portal.Faults.Enqueue(EmulatedFault.Reply(200, body));
        using var client = EmulatorClients.Webhook(portal);

        Bitrix24Response<bool> response = await client.ImOpenLines.Bot.Session.OperatorWithResponseAsync(new() { ChatId = DemoPortal.ChatId });

        Assert.True(response.Result);
        return response;
    }

    private static void AssertAllNull(Bitrix24ResponseTime time)
    {
        Assert.Null(time.Start);
        Assert.Null(time.Finish);
        Assert.Null(time.Duration);
        Assert.Null(time.Processing);
        Assert.Null(time.DateStart);
        Assert.Null(time.DateFinish);
        Assert.Null(time.Operating);
        Assert.Null(time.OperatingResetAt);
    }

    private static void AssertClose(DateTimeOffset expected, DateTimeOffset? actual)
    {
        Assert.NotNull(actual);
        Assert.True((actual.Value - expected).Duration() <= Tolerance, $"Expected {expected:O}, got {actual:O}");
    }

    private static void AssertClose(TimeSpan expected, TimeSpan? actual)
    {
        Assert.NotNull(actual);
        Assert.True((actual.Value - expected).Duration() <= Tolerance, $"Expected {expected}, got {actual}");
    }
}
