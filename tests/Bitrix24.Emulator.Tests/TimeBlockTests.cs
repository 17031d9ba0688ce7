using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.State;
using Bitrix24.Emulator.Tests.Infrastructure;
using Bitrix24.Emulator.Wire;

namespace Bitrix24.Emulator.Tests;

/// <summary>The <c>time</c> block of a success (FACTS §7).</summary>
public sealed class TimeBlockTests
{
    private static readonly string[] Fields = ["start", "finish", "duration", "processing", "date_start", "date_finish"];

    private static JsonObject Send112 => new() { ["CHAT_ID"] = DemoPortal.ChatId, ["CLIENT_ID"] = DemoPortal.BotClientId, ["USER_ID"] = 3 };

    [Theory]
    [MemberData(nameof(BotMethods.AllData), MemberType = typeof(BotMethods))]
    public async Task Every_success_has_the_full_time_block_with_the_operating_fields(string method)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(method, Send112);

        response.AssertTrue();
        JsonObject time = response.Time!;
        Assert.Equal(Fields.Append("operating").Append("operating_reset_at").Order(StringComparer.Ordinal), time.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (string number in new[] { "start", "finish", "duration", "processing", "operating" })
        {
            Assert.Equal(JsonValueKind.Number, time[number]!.GetValueKind());
        }

        Assert.Equal(JsonValueKind.String, time["date_start"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, time["operating_reset_at"]!.GetValueKind());
    }

    [Fact]
    public async Task The_times_follow_the_portal_clock_and_the_call_duration()
    {
        await using var portal = await TestPortal.StartAsync(o => o.CallDuration = TimeSpan.FromMilliseconds(250));
        portal.Clock.Advance(TimeSpan.FromSeconds(1.5));

        JsonObject time = (await portal.CallAsync("profile")).Time!;

        double start = TestClock.Epoch.AddSeconds(1.5).ToUnixTimeMilliseconds() / 1000.0;
        Assert.Equal(start, time["start"]!.GetValue<double>(), 6);
        Assert.Equal(start + 0.25, time["finish"]!.GetValue<double>(), 6);
        Assert.Equal(0.25, time["duration"]!.GetValue<double>(), 6);
        Assert.Equal(0.25, time["processing"]!.GetValue<double>(), 6);
        Assert.Equal(0.25, time["operating"]!.GetValue<double>(), 6);
        Assert.Equal(TestClock.Epoch.AddSeconds(1.5 + 600).ToUnixTimeSeconds(), time["operating_reset_at"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_dates_are_ISO_8601_with_the_default_plus_three_hours_offset()
    {
        await using var portal = await TestPortal.StartAsync(o => o.CallDuration = TimeSpan.FromSeconds(2));

        JsonObject time = (await portal.CallAsync("profile")).Time!;

        Assert.Equal("2026-08-21T13:00:00+03:00", time["date_start"]!.GetValue<string>());
        Assert.Equal("2026-08-21T13:00:02+03:00", time["date_finish"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_offset_of_the_dates_is_configurable()
    {
        await using var portal = await TestPortal.StartAsync(o => o.UtcOffset = TimeSpan.FromHours(-5));

        JsonObject time = (await portal.CallAsync("profile")).Time!;

        Assert.Equal("2026-08-21T05:00:00-05:00", time["date_start"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_an_operating_limit_the_operating_fields_are_absent()
    {
        await using var portal = await TestPortal.StartAsync(o => o.OperatingLimit = null);

        JsonObject time = (await portal.CallAsync(BotMethods.MessageSend, Send112)).Time!;

        Assert.Equal(Fields.Order(StringComparer.Ordinal), time.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_success_envelope_has_result_and_time_only()
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.CallAsync(BotMethods.MessageSend, Send112);

        Assert.Equal(["result", "time"], response.Json!.AsObject().Select(p => p.Key));
        Assert.Equal("application/json", response.ContentType);
    }

    [Theory]
    [InlineData("rest/1/emulatorhookcode/imopenlines.bot.session.message.send.json", 400)]
    [InlineData("rest/1/emulatorhookcode/no.such.method.json", 404)]
    [InlineData("rest/1/wrongcode/profile.json", 401)]
    [InlineData("rest/1/crmonlyhookcode0/imopenlines.bot.session.finish.json", 403)]
    public async Task Errors_have_no_time_block(string path, int status)
    {
        await using var portal = await TestPortal.StartAsync();

        ApiResponse response = await portal.Http.PostJsonAsync(path);

        Assert.Equal(status, (int)response.Status);
        Assert.Null(response.Time);
        Assert.Equal(["error", "error_description"], response.Json!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void TimeBlock_rounds_to_microseconds()
    {
        var block = new TimeBlock(TestClock.Epoch.AddTicks(1), TimeSpan.FromTicks(12_345_678), TimeSpan.Zero, 1.23456789, 42);

        JsonObject json = block.ToJson();

        Assert.Equal(1.234568, json["duration"]!.GetValue<double>());
        Assert.Equal(1.234568, json["operating"]!.GetValue<double>());
        Assert.Equal(42, json["operating_reset_at"]!.GetValue<long>());
    }
}
