using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Emulator.Events;
using Bitrix24.Events.Tests.Infrastructure;
using Bitrix24.Inbound;
using Bitrix24.ImBot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Bitrix24.Events.Tests;

/// <summary>
/// The event endpoint under hostile input, over real HTTP on 127.0.0.1: a real ASP.NET Core host with
/// <c>MapBitrix24Events</c>, the application token configured and counting handlers for <c>ONIMBOTV2MESSAGEADD</c> and
/// <c>ONIMBOTV2JOINCHAT</c>, and 10,000 deliveries from a seeded generator, each built so that it must be refused
/// (400, 401 or 413): none may get 200 or 500, break the connection, hang, or reach a handler. The focused tests
/// beside it show the same host accepting the genuine delivery, so the refusals are not vacuous.
/// </summary>
public sealed class HostileDeliveryTests(ITestOutputHelper output)
{
    private const int Seed = 24_0226;
    private const int Deliveries = 10_000;
    private const int Concurrency = 8;
    private const string FormType = "application/x-www-form-urlencoded";
    private const string JsonType = "application/json";

    /// <summary>The configured application token: 32 hex digits, letters among them, as the portal makes them.</summary>
    private const string RightToken = "4f1c9e7a2b6d8053e1a7c4b9f2d6e8a0";

    /// <summary>A token of the same length sharing no character with the right one (letters G to Z only).</summary>
    private const string ForgedToken = "QXRMZKWHTPVNJGLYSQXRMZKWHTPVNJGL";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    private static readonly int[] Only400 = [400];
    private static readonly int[] Only401 = [401];
    private static readonly int[] Only413 = [413];
    private static readonly int[] Either400Or401 = [400, 401];

    [Fact]
    public async Task Ten_thousand_hostile_deliveries_are_all_refused_and_reach_no_handler()
    {
        using var run = new CancellationTokenSource(RunTimeout);
        await using EventHost host = await EventHost.StartAsync(run.Token);
        IReadOnlyList<string> plan = HostileDeliveries.Plan(Seed);
        Assert.Equal(Deliveries, plan.Count);

        var results = new Result[plan.Count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = run.Token }, async (i, ct) =>
        {
            Delivery delivery = HostileDeliveries.Make(plan[i], new Random(unchecked((Seed * 1_000_003) + i)));
            results[i] = await PostAsync(host, delivery, ct);
        });
        clock.Stop();

        // What the closing note quotes: how many of each kind were sent, and what came back.
        output.WriteLine($"{plan.Count} deliveries in {clock.Elapsed.TotalSeconds:F1} s, {Concurrency} at a time, seed {Seed}");
        int[] statuses = results.Select(r => r.Status).Distinct().Order().ToArray();
        output.WriteLine("category".PadRight(22) + "count".PadLeft(7) + "variants".PadLeft(10) + string.Concat(statuses.Select(s => (s < 0 ? "fail" : s.ToString(CultureInfo.InvariantCulture)).PadLeft(7))));
        foreach (IGrouping<string, Result> category in results.GroupBy(r => r.Category).OrderBy(g => Array.IndexOf(HostileDeliveries.CategoryNames, g.Key)))
        {
            output.WriteLine(category.Key.PadRight(22) + category.Count().ToString(CultureInfo.InvariantCulture).PadLeft(7)
                + category.Select(r => r.Variant).Distinct().Count().ToString(CultureInfo.InvariantCulture).PadLeft(10)
                + string.Concat(statuses.Select(s => category.Count(r => r.Status == s).ToString(CultureInfo.InvariantCulture).PadLeft(7))));
        }

        output.WriteLine("all".PadRight(22) + results.Length.ToString(CultureInfo.InvariantCulture).PadLeft(7) + string.Empty.PadLeft(10)
            + string.Concat(statuses.Select(s => results.Count(r => r.Status == s).ToString(CultureInfo.InvariantCulture).PadLeft(7))));

        // Every delivery refused: 400, 401 or 413, never 200, 500 or a broken connection.
        Result[] notRefused = results.Where(r => r.Status is not (400 or 401 or 413)).ToArray();
        Assert.True(notRefused.Length == 0, $"{notRefused.Length} deliveries were not refused:\n" + string.Join("\n", notRefused.Take(20)));

        // And each with the status its variant calls for (a forged token is 401, not 400; an oversized body 413).
        Result[] unexpected = results.Where(r => !r.Expected.Contains(r.Status)).ToArray();
        Assert.True(unexpected.Length == 0, $"{unexpected.Length} deliveries got another refusal than expected:\n" + string.Join("\n", unexpected.Take(20)));

        Assert.Equal(0, host.MessageAddCalls);
        Assert.Equal(0, host.JoinChatCalls);

        // Every category sent in earnest: its planned share, in several shapes; every refusal status seen.
        foreach (string name in HostileDeliveries.CategoryNames)
        {
            Result[] sent = results.Where(r => r.Category == name).ToArray();
            Assert.True(sent.Length >= 100, $"category {name} was sent {sent.Length} times");
            Assert.True(sent.Select(r => r.Variant).Distinct().Count() >= 3, $"category {name} has fewer than 3 variants");
        }

        Assert.All(new[] { 400, 401, 413 }, status => Assert.Contains(results, r => r.Status == status));

        // The host was alive and its handlers registered all along: the genuine delivery still goes through.
        Result control = await PostAsync(host, new Delivery("control", "valid", Payloads.MessageAddForm, FormType, false, [200]), run.Token);
        Assert.Equal(200, control.Status);
        Assert.Equal(1, host.MessageAddCalls);
    }

    [Fact]
    public async Task A_genuine_delivery_is_handled_with_the_typed_event()
    {
        using var run = new CancellationTokenSource(RunTimeout);
        await using EventHost host = await EventHost.StartAsync(run.Token);

        Result result = await PostAsync(host, new Delivery("focused", "valid", Payloads.MessageAddForm, FormType, false, [200]), run.Token);

        Assert.Equal(200, result.Status);
        MessageAddEvent received = Assert.Single(host.MessageAdds);
        Assert.Equal((456, "support_bot"), (received.Bot.Id, received.Bot.Code));
        Assert.Equal((789, 5, 1), (received.Message.Id, received.Message.ChatId, received.Message.AuthorId));
        Assert.Equal("Hello bot!", received.Message.Text);
        Assert.False(received.Message.IsSystem);
        Assert.Null(received.Message.Forward);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.FromHours(2)), received.Message.Date);
        Assert.Equal(("LINES", "chat5", 5), (received.Chat!.EntityType, received.Chat.DialogId, received.Chat.Id));
        Assert.Equal((1, "John Smith", true), (received.User!.Id, received.User.Name, received.User.Active));
        Assert.Null(received.User.Idle);
        Assert.Equal([1], received.User.Departments!);
        Assert.Equal("en", received.Language);
        Bitrix24EventContext context = Assert.Single(host.Contexts);
        Assert.Equal(("ONIMBOTV2MESSAGEADD", "example.bitrix24.com"), (context.EventName, context.Domain));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772093963), context.Timestamp);
        Assert.Equal(0, host.JoinChatCalls);
    }

    [Fact]
    public async Task An_empty_value_for_a_nullable_int_member_reads_as_null()
    {
        using var run = new CancellationTokenSource(RunTimeout);
        await using EventHost host = await EventHost.StartAsync(run.Token);
        List<KeyValuePair<string, string>> pairs = Payloads.MessageAddPairs(RightToken);
        Forms.Set(pairs, "data[message][chatId]", string.Empty);
        Forms.Set(pairs, "data[chat][owner]", string.Empty);

        Result result = await PostAsync(host, new Delivery("focused", "empty int", Forms.Bytes(pairs), FormType, false, [200]), run.Token);

        Assert.Equal(200, result.Status);
        MessageAddEvent received = Assert.Single(host.MessageAdds);
        Assert.Null(received.Message.ChatId);
        Assert.Null(received.Chat!.Owner);
        Assert.Equal((789, 1), (received.Message.Id, received.Message.AuthorId));
    }

    [Fact]
    public async Task The_same_delivery_as_json_is_handled_too()
    {
        using var run = new CancellationTokenSource(RunTimeout);
        await using EventHost host = await EventHost.StartAsync(run.Token);

        Result result = await PostAsync(host, new Delivery("focused", "json", Payloads.MessageAddJson, JsonType, false, [200]), run.Token);

        Assert.Equal(200, result.Status);
        MessageAddEvent received = Assert.Single(host.MessageAdds);
        Assert.Equal((789, "Hello bot!", false), (received.Message.Id, received.Message.Text, received.Message.IsSystem));
        Assert.Equal(("LINES", 1), (received.Chat!.EntityType, received.User!.Id));
        Assert.Equal("example.bitrix24.com", Assert.Single(host.Contexts).Domain);
    }

    [Fact]
    public async Task A_forged_token_is_refused_with_401_and_no_handler_runs()
    {
        using var run = new CancellationTokenSource(RunTimeout);
        await using EventHost host = await EventHost.StartAsync(run.Token);
        byte[] forged = Forms.Bytes(Payloads.MessageAddPairs(ForgedToken));

        Result result = await PostAsync(host, new Delivery("focused", "forged", forged, FormType, false, Only401), run.Token);

        Assert.Equal(401, result.Status);
        Assert.DoesNotContain(ForgedToken, result.Problem, StringComparison.Ordinal);
        Assert.Equal(0, host.MessageAddCalls);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_whether_its_length_is_declared_or_not()
    {
        using var run = new CancellationTokenSource(RunTimeout);
        await using EventHost host = await EventHost.StartAsync(run.Token);
        List<KeyValuePair<string, string>> pairs = Payloads.MessageAddPairs(RightToken);
        Forms.Set(pairs, "data[message][text]", new string('x', 1024 * 1024));
        byte[] body = Forms.Bytes(pairs);

        Result declared = await PostAsync(host, new Delivery("focused", "declared", body, FormType, false, Only413), run.Token);
        Result chunked = await PostAsync(host, new Delivery("focused", "chunked", body, FormType, true, Only413), run.Token);

        Assert.Equal((413, 413), (declared.Status, chunked.Status));
        Assert.Equal(0, host.MessageAddCalls);

        // The connection survives the refusal: the next delivery on the same client is handled.
        Assert.Equal(200, (await PostAsync(host, new Delivery("focused", "valid", Payloads.MessageAddForm, FormType, false, [200]), run.Token)).Status);
    }

    private static async Task<Result> PostAsync(EventHost host, Delivery delivery, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Url);
        request.Content = delivery.Chunked ? new ChunkedContent(delivery.Body) : new ByteArrayContent(delivery.Body);
        if (delivery.ContentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", delivery.ContentType);
        }

        try
        {
            using HttpResponseMessage response = await host.Client.SendAsync(request, timeout.Token);
            string answer = await response.Content.ReadAsStringAsync(timeout.Token);
            return new Result(delivery, (int)response.StatusCode, answer);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new Result(delivery, -1, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>One generated delivery: what it is, the bytes and headers sent, and the refusals it may get.</summary>
    private sealed record Delivery(string Category, string Variant, byte[] Body, string? ContentType, bool Chunked, int[] Expected);

    private sealed record Result(string Category, string Variant, int Status, int[] Expected, int BodyLength, string? Problem)
    {
        public Result(Delivery delivery, int status, string? problem)
            : this(delivery.Category, delivery.Variant, status, delivery.Expected, delivery.Body.Length, problem)
        {
        }

        public override string ToString() =>
            $"  {Category}/{Variant} ({BodyLength} bytes): {(Status < 0 ? "no answer" : Status.ToString(CultureInfo.InvariantCulture))}, expected {string.Join(" or ", Expected)}: {Shorten(Problem)}";

        private static string? Shorten(string? text) => text is { Length: > 300 } ? text[..300] + "..." : text;
    }

    /// <summary>A body sent without a Content-Length, in pieces (Transfer-Encoding: chunked).</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (int offset = 0; offset < body.Length; offset += 16 * 1024)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(16 * 1024, body.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>
    /// A real ASP.NET Core host on 127.0.0.1 with a free port: the event endpoint, the application token, and handlers
    /// that record what they get; with one HttpClient for it.
    /// </summary>
    private sealed class EventHost : IAsyncDisposable
    {
        private WebApplication _app = null!;

        public ConcurrentQueue<MessageAddEvent> MessageAdds { get; } = new();

        public ConcurrentQueue<JoinChatEvent> JoinChats { get; } = new();

        public ConcurrentQueue<Bitrix24EventContext> Contexts { get; } = new();

        public int MessageAddCalls => MessageAdds.Count;

        public int JoinChatCalls => JoinChats.Count;

        public Uri Url { get; private set; } = null!;

        public HttpClient Client { get; } = new(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { Timeout = Timeout.InfiniteTimeSpan };

        public static async Task<EventHost> StartAsync(CancellationToken cancellationToken)
        {
            var host = new EventHost();
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            builder.Services.AddBitrix24Events();
            builder.Services.Configure<Bitrix24ServiceOptions>(o => o.ApplicationToken = RightToken);
            builder.Services.AddBitrix24EventHandler<MessageAddEvent>((e, context, _) =>
            {
                host.MessageAdds.Enqueue(e);
                host.Contexts.Enqueue(context);
                return Task.CompletedTask;
            });
            builder.Services.AddBitrix24EventHandler<JoinChatEvent>((e, context, _) =>
            {
                host.JoinChats.Enqueue(e);
                host.Contexts.Enqueue(context);
                return Task.CompletedTask;
            });

            host._app = builder.Build();
            host._app.MapBitrix24Events("/bitrix24/events");
            await host._app.StartAsync(cancellationToken);
            string address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            host.Url = new Uri(new Uri(address), "/bitrix24/events");
            return host;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>
    /// The genuine deliveries everything else is made from (<see cref="SampleDeliveries"/>: the docs' ONIMBOTV2MESSAGEADD and a JOINCHAT) as the
    /// emulator sends them, form-encoded by PHP's rules (<see cref="HttpBuildQuery"/>), about 2 KB, with the top-level
    /// <c>auth[application_token]</c> as the very last pair.
    /// </summary>
    private static class Payloads
    {
        public static readonly byte[] MessageAddForm = Encoding.ASCII.GetBytes(HttpBuildQuery.Encode(SampleDeliveries.MessageAdd(RightToken)));
        public static readonly byte[] JoinChatForm = Encoding.ASCII.GetBytes(HttpBuildQuery.Encode(SampleDeliveries.JoinChat(RightToken)));
        public static readonly byte[] MessageAddJson = Encoding.UTF8.GetBytes(SampleDeliveries.MessageAdd(RightToken).ToJsonString());

        public static List<KeyValuePair<string, string>> MessageAddPairs(string token) => HttpBuildQuery.Decode(HttpBuildQuery.Encode(SampleDeliveries.MessageAdd(token))).ToList();

        public static List<KeyValuePair<string, string>> JoinChatPairs(string token) => HttpBuildQuery.Decode(HttpBuildQuery.Encode(SampleDeliveries.JoinChat(token))).ToList();
    }

    /// <summary>Form bodies as lists of decoded pairs, encoded back the way http_build_query does.</summary>
    private static class Forms
    {
        public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs) =>
            string.Join("&", pairs.Select(p => HttpBuildQuery.UrlEncode(p.Key) + "=" + HttpBuildQuery.UrlEncode(p.Value)));

        public static byte[] Bytes(IEnumerable<KeyValuePair<string, string>> pairs) => Encoding.UTF8.GetBytes(Encode(pairs));

        public static int IndexOf(List<KeyValuePair<string, string>> pairs, string key)
        {
            int index = pairs.FindIndex(p => p.Key == key);
            return index >= 0 ? index : throw new InvalidOperationException("The payload has no " + key);
        }

        public static void Set(List<KeyValuePair<string, string>> pairs, string key, string value) => pairs[IndexOf(pairs, key)] = new(key, value);

        /// <summary>Replaces the pairs under <paramref name="prefix"/> (the key itself and <c>prefix[...]</c>) with <paramref name="replacement"/>, where the first of them was.</summary>
        public static void ReplaceFamily(List<KeyValuePair<string, string>> pairs, string prefix, params KeyValuePair<string, string>[] replacement)
        {
            int at = pairs.FindIndex(p => p.Key == prefix || p.Key.StartsWith(prefix + "[", StringComparison.Ordinal));
            if (at < 0)
            {
                throw new InvalidOperationException("The payload has nothing under " + prefix);
            }

            pairs.RemoveAll(p => p.Key == prefix || p.Key.StartsWith(prefix + "[", StringComparison.Ordinal));
            pairs.InsertRange(at, replacement);
        }

        public static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
    }

    /// <summary>
    /// The generator: a fixed plan of categories (shuffled by the seed), and for each delivery a body made from its own
    /// seeded <see cref="Random"/>, so the run is the same every time whatever order the requests go out in.
    /// </summary>
    /// <remarks>
    /// Every delivery must be refused, so each category keeps to what the receiver's contract refuses whatever the
    /// random choices. Bodies that carry the right token are broken in a way that cannot be valid: a proper prefix of a
    /// body whose last pair is the token (or of a JSON object), a repeated key, a key over the depth limit, a value over
    /// the size limits, bytes that are not UTF-8, a '%' not followed by two hex digits, a member the event's reader
    /// cannot read, a content type other than form or JSON. Everything else (unknown events, random bytes, random
    /// mutations) carries no right token at all: it is forged, missing or mangled, and
    /// <see cref="CarriesRightToken"/> (a lenient decoding of the body as form and as JSON) re-rolls the rare random
    /// body that could still hold it.
    /// </remarks>
    private static class HostileDeliveries
    {
        private static readonly byte[] RightTokenBytes = Encoding.ASCII.GetBytes(RightToken);

        private static readonly (string Name, int Count, Func<Random, Delivery> Make)[] Categories =
        [
            ("truncated", 900, Truncated),
            ("repeated-keys", 700, RepeatedKeys),
            ("deep-keys", 500, DeepKeys),
            ("huge-values", 200, HugeValues),
            ("invalid-utf8", 700, InvalidUtf8),
            ("invalid-percent", 700, InvalidPercent),
            ("wrong-types", 1000, WrongTypes),
            ("bad-token", 1000, BadToken),
            ("unknown-event", 700, UnknownEvent),
            ("json-malformed", 500, JsonMalformed),
            ("json-deep", 300, JsonDeep),
            ("json-huge", 100, JsonHuge),
            ("random-bytes", 700, RandomBytes),
            ("mutation-forged", 1200, MutationForged),
            ("mutation-right-token", 600, MutationRightToken),
            ("wrong-content-type", 200, WrongContentType),
        ];

        public static string[] CategoryNames { get; } = Categories.Select(c => c.Name).ToArray();

        /// <summary>The category of each of the 10,000 deliveries, in a seeded random order.</summary>
        public static IReadOnlyList<string> Plan(int seed)
        {
            string[] plan = Categories.SelectMany(c => Enumerable.Repeat(c.Name, c.Count)).ToArray();
            new Random(seed).Shuffle(plan);
            return plan;
        }

        public static Delivery Make(string category, Random random) => Categories.Single(c => c.Name == category).Make(random);

        /// <summary>A proper prefix of a genuine body: the token is the last pair of a form body and a JSON object closes last.</summary>
        private static Delivery Truncated(Random random)
        {
            (string variant, byte[] body, string? type, int[] expected) = random.Next(4) switch
            {
                0 => ("join form", Payloads.JoinChatForm, FormType, Either400Or401),
                1 => ("json", Payloads.MessageAddJson, JsonType, Only400),
                2 => ("form, sniffed", Payloads.MessageAddForm, null, Either400Or401),
                _ => ("form", Payloads.MessageAddForm, FormType, Either400Or401),
            };
            int length = random.Next(4) == 0 ? body.Length - random.Next(1, 40) : random.Next(1, body.Length);
            return new Delivery("truncated", variant, body[..length], type, false, expected);
        }

        /// <summary>A key given twice (PHP keeps the last; the receiver refuses), or both a value and a parent.</summary>
        private static Delivery RepeatedKeys(Random random)
        {
            bool join = random.Next(3) == 0;
            List<KeyValuePair<string, string>> pairs = join ? Payloads.JoinChatPairs(RightToken) : Payloads.MessageAddPairs(RightToken);
            string variant;
            switch (random.Next(6))
            {
                case 0:
                    KeyValuePair<string, string> copy = pairs[random.Next(pairs.Count)];
                    pairs.Insert(random.Next(pairs.Count + 1), random.Next(2) == 0 ? copy : Forms.Pair(copy.Key, RandomText(random, 12)));
                    variant = "any pair twice";
                    break;
                case 1:
                    pairs.Insert(pairs.Count - 1, Forms.Pair("auth[application_token]", ForgedToken));
                    variant = "forged token, then the right one";
                    break;
                case 2:
                    pairs.Add(Forms.Pair("auth[application_token]", ForgedToken));
                    variant = "right token, then a forged one";
                    break;
                case 3:
                    pairs.Insert(random.Next(pairs.Count + 1), Forms.Pair("event", join ? "ONIMBOTV2MESSAGEADD" : "ONIMBOTV2JOINCHAT"));
                    variant = "event twice";
                    break;
                case 4:
                    // The same decoded key, spelled another way: raw brackets, or an escaped letter.
                    KeyValuePair<string, string> pair = pairs[random.Next(1, pairs.Count)];
                    string respelled = random.Next(2) == 0 ? pair.Key : "%" + ((int)pair.Key[0]).ToString("X2", CultureInfo.InvariantCulture) + HttpBuildQuery.UrlEncode(pair.Key[1..]);
                    string body = Forms.Encode(pairs) + "&" + respelled + "=" + HttpBuildQuery.UrlEncode(pair.Value);
                    return new Delivery("repeated-keys", "same key spelled otherwise", Encoding.UTF8.GetBytes(body), FormType, false, Only400);
                default:
                    string leaf = pairs[random.Next(pairs.Count)].Key;
                    pairs.Insert(random.Next(pairs.Count + 1), Forms.Pair(leaf + "[x]", "1"));
                    variant = "value and parent";
                    break;
            }

            return new Delivery("repeated-keys", variant, Forms.Bytes(pairs), FormType, false, Only400);
        }

        /// <summary><c>a[b][c]...</c> nested past MaxDepth (32): 33 to 5,000 levels, brackets raw or escaped.</summary>
        private static Delivery DeepKeys(Random random)
        {
            int[] depths = [33, 40, 100, 1000, 1000, 1000, 5000];
            int depth = depths[random.Next(depths.Length)];
            string[] names = ["a", "data", "data[message]", "auth", "event"];
            string name = names[random.Next(names.Length)];
            int nameParts = name.Count(c => c == '[') + 1;
            var key = new StringBuilder(name);
            for (int level = nameParts; level < depth; level++)
            {
                key.Append('[').Append((char)('a' + (level % 26))).Append(']');
            }

            bool escaped = random.Next(2) == 0;
            string rawKey = escaped ? HttpBuildQuery.UrlEncode(key.ToString()) : key.ToString();
            List<KeyValuePair<string, string>> pairs = Payloads.MessageAddPairs(RightToken);
            List<string> raw = pairs.Select(p => HttpBuildQuery.UrlEncode(p.Key) + "=" + HttpBuildQuery.UrlEncode(p.Value)).ToList();
            bool alone = random.Next(5) == 0;
            if (alone)
            {
                raw.Clear();
            }

            raw.Insert(random.Next(raw.Count + 1), rawKey + "=" + RandomText(random, random.Next(0, 8)));
            string variant = $"{(alone ? "alone" : "in a delivery")}, {(depth >= 1000 ? depth.ToString(CultureInfo.InvariantCulture) : "33-100")} levels";
            return new Delivery("deep-keys", variant, Encoding.ASCII.GetBytes(string.Join("&", raw)), random.Next(4) == 0 ? null : FormType, false, Only400);
        }

        /// <summary>Values of 1 MiB (over MaxBodyBytes: 413) and 300 KB (over MaxValueBytes: 400), too many pairs, a long key.</summary>
        private static Delivery HugeValues(Random random)
        {
            List<KeyValuePair<string, string>> pairs = Payloads.MessageAddPairs(RightToken);
            switch (random.Next(10))
            {
                case 0 or 1 or 2:
                    Forms.Set(pairs, "data[message][text]", Filler(random, 1024 * 1024));
                    return new Delivery("huge-values", "1 MiB value", Forms.Bytes(pairs), FormType, false, Only413);
                case 3:
                    Forms.Set(pairs, "data[message][text]", Filler(random, 1024 * 1024));
                    return new Delivery("huge-values", "1 MiB value, chunked", Forms.Bytes(pairs), FormType, true, Only413);
                case 4 or 5:
                    string key = pairs[random.Next(pairs.Count)].Key;
                    Forms.Set(pairs, key, Filler(random, 300 * 1024));
                    return new Delivery("huge-values", "300 KB value", Forms.Bytes(pairs), FormType, random.Next(4) == 0, Only400);
                case 6:
                    string body = Forms.Encode(pairs).Replace("Hello+bot%21", string.Concat(Enumerable.Repeat("%41", 300 * 1024)), StringComparison.Ordinal);
                    return new Delivery("huge-values", "300 KB value of escapes", Encoding.ASCII.GetBytes(body), FormType, false, Only400);
                case 7 or 8:
                    pairs.InsertRange(random.Next(pairs.Count + 1), Enumerable.Range(0, 5000).Select(i => Forms.Pair("data[message][params][k" + i.ToString(CultureInfo.InvariantCulture) + "]", "1")));
                    return new Delivery("huge-values", "5,000 pairs", Forms.Bytes(pairs), FormType, false, Only400);
                default:
                    pairs.Insert(random.Next(pairs.Count + 1), Forms.Pair("data[message][" + new string('k', 2000) + "]", "1"));
                    return new Delivery("huge-values", "2,000-byte key", Forms.Bytes(pairs), FormType, false, Only400);
            }
        }

        /// <summary>Bytes that are not UTF-8, escaped or raw, in a key or a value of a form body, or in a JSON string.</summary>
        private static Delivery InvalidUtf8(Random random)
        {
            // None can be completed by what follows it: the payload is ASCII, so the next byte is never a continuation.
            string[] escaped = ["%FF", "%FE", "%C0%AF", "%C1%BF", "%E0%80%80", "%ED%A0%80", "%ED%BF%BF", "%E2%82", "%F4%90%80%80", "%F8%88%80%80%80", "%80", "%BF", "%C3"];
            byte[][] raw = [[0xFF], [0xFE], [0xC0, 0xAF], [0x80], [0xBF], [0xC3], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80]];
            List<KeyValuePair<string, string>> pairs = Payloads.MessageAddPairs(RightToken);
            int which = random.Next(pairs.Count);
            switch (random.Next(5))
            {
                case 0 or 1:
                {
                    // An escape in a value (the token's included: decoding fails before any check of it).
                    string value = pairs[which].Value;
                    int at = random.Next(value.Length + 1);
                    string bad = escaped[random.Next(escaped.Length)];
                    List<string> encoded = pairs.Select(p => HttpBuildQuery.UrlEncode(p.Key) + "=" + HttpBuildQuery.UrlEncode(p.Value)).ToList();
                    encoded[which] = HttpBuildQuery.UrlEncode(pairs[which].Key) + "=" + HttpBuildQuery.UrlEncode(value[..at]) + bad + HttpBuildQuery.UrlEncode(value[at..]);
                    return new Delivery("invalid-utf8", "escaped, in a value", Encoding.ASCII.GetBytes(string.Join("&", encoded)), FormType, false, Only400);
                }

                case 2:
                {
                    string key = pairs[which].Key;
                    int at = random.Next(1, key.Length + 1);
                    string bad = escaped[random.Next(escaped.Length)];
                    List<string> encoded = pairs.Select(p => HttpBuildQuery.UrlEncode(p.Key) + "=" + HttpBuildQuery.UrlEncode(p.Value)).ToList();
                    encoded[which] = HttpBuildQuery.UrlEncode(key[..at]) + bad + HttpBuildQuery.UrlEncode(key[at..]) + "=" + HttpBuildQuery.UrlEncode(pairs[which].Value);
                    return new Delivery("invalid-utf8", "escaped, in a key", Encoding.ASCII.GetBytes(string.Join("&", encoded)), FormType, false, Only400);
                }

                case 3:
                {
                    // A raw byte anywhere but inside an escape.
                    List<string> encoded = pairs.Select(p => HttpBuildQuery.UrlEncode(p.Key) + "=" + HttpBuildQuery.UrlEncode(p.Value)).ToList();
                    byte[] body = Encoding.ASCII.GetBytes(string.Join("&", encoded));
                    int at = SafeInsertionPoint(body, random);
                    return new Delivery("invalid-utf8", "raw byte", Splice(body, at, 0, raw[random.Next(raw.Length)]), FormType, false, Only400);
                }

                default:
                {
                    // In a JSON string: raw bytes, or an escape of half a surrogate pair.
                    byte[] json = Payloads.MessageAddJson;
                    int at = json.AsSpan().IndexOf("Hello bot!"u8) + random.Next(11);
                    bool rawBytes = random.Next(2) == 0;
                    byte[] bad = rawBytes ? raw[random.Next(raw.Length)] : Encoding.ASCII.GetBytes(random.Next(2) == 0 ? "\\ud800" : "\\udc00\\ud800");
                    return new Delivery("invalid-utf8", rawBytes ? "json, raw byte" : "json, lone surrogate escape", Splice(json, at, 0, bad), JsonType, false, Only400);
                }
            }
        }

        /// <summary>A '%' not followed by two hex digits: <c>%zz</c> anywhere; <c>%</c> or <c>%4</c> where a pair ends.</summary>
        private static Delivery InvalidPercent(Random random)
        {
            byte[] body = random.Next(3) == 0 ? Payloads.JoinChatForm : Payloads.MessageAddForm;
            string[] anywhere = ["%zz", "%G1", "%%", "%-1", "%g0", "%Z9", "%.5", "%x"];
            if (random.Next(2) == 0)
            {
                string bad = anywhere[random.Next(anywhere.Length)];
                return new Delivery("invalid-percent", bad + " anywhere", Splice(body, random.Next(body.Length + 1), 0, Encoding.ASCII.GetBytes(bad)), FormType, false, Only400);
            }

            // Before an '&' or at the very end, so the escape cannot borrow the next pair's characters.
            int[] ends = Enumerable.Range(0, body.Length).Where(i => body[i] == '&').Append(body.Length).ToArray();
            string cut = random.Next(2) == 0 ? "%" : "%4";
            return new Delivery("invalid-percent", cut + " at a pair's end", Splice(body, ends[random.Next(ends.Length)], 0, Encoding.ASCII.GetBytes(cut)), FormType, false, Only400);
        }

        /// <summary>The right token, but data the event's reader cannot read: text for a number, an object for a string, data=5, a missing member.</summary>
        private static Delivery WrongTypes(Random random)
        {
            string[] notInts = ["abc", "1.5", "1e3", " 1", "1 ", "0x10", "99999999999", "seven", "--1", "NaN", "\u0661\u0662"];
            string notInt = notInts[random.Next(notInts.Length)];
            if (random.Next(4) == 0)
            {
                return WrongTypesJson(random);
            }

            bool join = random.Next(4) == 0;
            List<KeyValuePair<string, string>> pairs = join ? Payloads.JoinChatPairs(RightToken) : Payloads.MessageAddPairs(RightToken);
            string variant;
            switch (random.Next(join ? 8 : 12))
            {
                case 0:
                    Forms.Set(pairs, "data[bot][id]", notInt);
                    variant = "text in data[bot][id]";
                    break;
                case 1:
                    Forms.Set(pairs, "data[chat][id]", notInt);
                    variant = "text in data[chat][id]";
                    break;
                case 2:
                    Forms.Set(pairs, "data[user][id]", notInt);
                    variant = "text in data[user][id]";
                    break;
                case 3:
                {
                    // An object (or a list) where a string goes.
                    string[] strings = ["data[chat][entityType]", "data[chat][dialogId]", "data[user][name]", "data[bot][code]", "data[language]"];
                    string key = strings[random.Next(strings.Length)];
                    Forms.ReplaceFamily(pairs, key, Forms.Pair(key + (random.Next(2) == 0 ? "[x]" : "[0]"), "1"));
                    variant = "an object where a string goes";
                    break;
                }

                case 4:
                    Forms.ReplaceFamily(pairs, "data", Forms.Pair("data", random.Next(3) switch { 0 => "5", 1 => string.Empty, _ => "abc" }));
                    variant = "data=5";
                    break;
                case 5:
                    Forms.ReplaceFamily(pairs, "data[bot]", Forms.Pair("data[bot]", random.Next(2) == 0 ? "5" : "x"));
                    variant = "a string where the bot goes";
                    break;
                case 6:
                    Forms.Set(pairs, "data[user][departments][0]", notInt);
                    variant = "text in a list of ints";
                    break;
                case 7:
                    if (join)
                    {
                        Forms.ReplaceFamily(pairs, "data[dialogId]", random.Next(2) == 0 ? [] : [Forms.Pair("data[dialogId][x]", "chat5")]);
                        variant = "dialogId missing or an object";
                    }
                    else
                    {
                        Forms.ReplaceFamily(pairs, "data[bot]");
                        variant = "no bot";
                    }

                    break;
                case 8:
                    Forms.Set(pairs, "data[message][id]", notInt);
                    variant = "text in data[message][id]";
                    break;
                case 9:
                    Forms.Set(pairs, random.Next(2) == 0 ? "data[message][chatId]" : "data[message][authorId]", notInt);
                    variant = "text in a nullable int";
                    break;
                case 10:
                    Forms.Set(pairs, random.Next(2) == 0 ? "data[message][isSystem]" : "data[message][viewedByOthers]", random.Next(2) == 0 ? "maybe" : "2");
                    variant = "not a boolean";
                    break;
                default:
                    switch (random.Next(4))
                    {
                        case 0:
                            Forms.Set(pairs, "data[message][date]", random.Next(2) == 0 ? "not-a-date" : "2025-13-45T99:99:99+02:00");
                            variant = "not a date";
                            break;
                        case 1:
                            Forms.ReplaceFamily(pairs, "data[message][id]");
                            variant = "no message id";
                            break;
                        case 2:
                            Forms.ReplaceFamily(pairs, "data[message]", Forms.Pair("data[message]", random.Next(2) == 0 ? "5" : "0"));
                            variant = "a string where the message goes";
                            break;
                        default:
                            Forms.ReplaceFamily(pairs, "data[message]");
                            variant = "no message";
                            break;
                    }

                    break;
            }

            return new Delivery("wrong-types", variant, Forms.Bytes(pairs), FormType, false, Only400);
        }

        private static Delivery WrongTypesJson(Random random)
        {
            JsonObject payload = SampleDeliveries.MessageAdd(RightToken);
            JsonObject data = payload["data"]!.AsObject();
            JsonObject message = data["message"]!.AsObject();
            string variant;
            switch (random.Next(8))
            {
                case 0:
                    message["id"] = random.Next(4) switch { 0 => "abc", 1 => 1.5, 2 => true, _ => new JsonObject() };
                    variant = "json, message.id not an int";
                    break;
                case 1:
                    message["text"] = random.Next(3) switch { 0 => new JsonObject { ["a"] = 1 }, 1 => new JsonArray(1, 2), _ => true };
                    variant = "json, message.text not a string";
                    break;
                case 2:
                    payload["data"] = random.Next(4) switch { 0 => 5, 1 => "x", 2 => null, _ => true };
                    variant = "json, data not an object";
                    break;
                case 3:
                    data["message"] = random.Next(3) switch { 0 => "x", 1 => new JsonArray(1), _ => 5 };
                    variant = "json, message not an object";
                    break;
                case 4:
                    data["chat"] = random.Next(2) == 0 ? "abc" : new JsonArray("LINES");
                    variant = "json, chat not an object";
                    break;
                case 5:
                    // A number of seconds past year 9999: a date no reader can make.
                    long seconds = random.Next(2) == 0 ? 99_999_999_999_999 : -99_999_999_999_999;
                    if (random.Next(2) == 0)
                    {
                        message["date"] = seconds;
                    }
                    else
                    {
                        data["user"]!["lastActivityDate"] = seconds;
                    }

                    variant = "json, date out of range";
                    break;
                case 6:
                    message["isSystem"] = random.Next(2) == 0 ? "maybe" : 2;
                    variant = "json, isSystem not a boolean";
                    break;
                default:
                    message.Remove("id");
                    variant = "json, no message id";
                    break;
            }

            return new Delivery("wrong-types", variant, Encoding.UTF8.GetBytes(payload.ToJsonString()), JsonType, false, Only400);
        }

        /// <summary>Genuine data with the top-level token missing, empty, wrong, nearly right, misplaced, or of the wrong type: 401.</summary>
        private static Delivery BadToken(Random random)
        {
            if (random.Next(5) == 0)
            {
                return BadTokenJson(random);
            }

            bool join = random.Next(3) == 0;
            List<KeyValuePair<string, string>> pairs = join ? Payloads.JoinChatPairs(RightToken) : Payloads.MessageAddPairs(RightToken);
            string variant;
            switch (random.Next(12))
            {
                case 0:
                    pairs.RemoveAt(Forms.IndexOf(pairs, "auth[application_token]"));
                    variant = "missing";
                    break;
                case 1:
                    Forms.Set(pairs, "auth[application_token]", string.Empty);
                    variant = "empty";
                    break;
                case 2:
                    Forms.Set(pairs, "auth[application_token]", random.Next(2) == 0 ? ForgedToken : RandomHex(random, 32));
                    variant = "wrong";
                    break;
                case 3:
                {
                    char[] near = RightToken.ToCharArray();
                    int at = random.Next(near.Length);
                    near[at] = near[at] == '0' ? '1' : '0';
                    Forms.Set(pairs, "auth[application_token]", new string(near));
                    variant = "one character off";
                    break;
                }

                case 4:
                    Forms.Set(pairs, "auth[application_token]", random.Next(4) switch
                    {
                        0 => RightToken[..^1],
                        1 => RightToken + "0",
                        2 => RightToken.ToUpperInvariant(),
                        _ => random.Next(2) == 0 ? " " + RightToken : RightToken + " ",
                    });
                    variant = "prefix, longer, upper case or padded";
                    break;
                case 5:
                    // Only data.bot.auth carries it, which the docs say never to trust.
                    pairs.RemoveAt(Forms.IndexOf(pairs, "auth[application_token]"));
                    variant = "only in data[bot][auth]";
                    break;
                case 6:
                    Forms.ReplaceFamily(pairs, "auth[application_token]", Forms.Pair("auth[application_token][0]", RightToken));
                    variant = "a list holding it";
                    break;
                case 7:
                {
                    string[] keys = ["auth[APPLICATION_TOKEN]", "auth[applicationToken]", "auth[application_token ]", "application_token", "auth[auth][application_token]"];
                    Forms.ReplaceFamily(pairs, "auth[application_token]", Forms.Pair(keys[random.Next(keys.Length)], RightToken));
                    variant = "under another key";
                    break;
                }

                case 8:
                    Forms.ReplaceFamily(pairs, "auth");
                    variant = "no auth block";
                    break;
                case 9:
                    Forms.Set(pairs, "auth[application_token]", RightToken.Replace('a', '\u0430'));
                    variant = "homoglyph";
                    break;
                case 10:
                    Forms.Set(pairs, "auth[application_token]", RightToken + "\0");
                    variant = "NUL appended";
                    break;
                default:
                    Forms.Set(pairs, "auth[application_token]", Forms.Encode([Forms.Pair("application_token", RightToken)]));
                    variant = "escaped pair as the value";
                    break;
            }

            return new Delivery("bad-token", variant, Forms.Bytes(pairs), random.Next(5) == 0 ? null : FormType, false, Only401);
        }

        private static Delivery BadTokenJson(Random random)
        {
            JsonObject payload = SampleDeliveries.MessageAdd(RightToken);
            JsonObject auth = payload["auth"]!.AsObject();
            switch (random.Next(7))
            {
                case 0:
                    auth["application_token"] = ForgedToken;
                    return JsonDelivery("bad-token", "json, wrong", payload, Only401);
                case 1:
                    auth.Remove("application_token");
                    return JsonDelivery("bad-token", "json, missing", payload, Only401);
                case 2:
                    auth["application_token"] = random.Next(3) switch { 0 => 12345, 1 => null, _ => true };
                    return JsonDelivery("bad-token", "json, not a string", payload, Only401);
                case 3:
                    auth["application_token"] = random.Next(2) == 0 ? new JsonArray(RightToken) : new JsonObject { ["value"] = RightToken };
                    return JsonDelivery("bad-token", "json, inside a list or object", payload, Only401);
                case 4:
                    payload.Remove("auth");
                    return JsonDelivery("bad-token", "json, no auth block", payload, Only401);
                case 5:
                    payload["auth"] = random.Next(2) == 0 ? new JsonArray() : "x";
                    return JsonDelivery("bad-token", "json, auth not an object", payload, Only400);
                default:
                    payload["application_token"] = RightToken;
                    auth.Remove("application_token");
                    return JsonDelivery("bad-token", "json, token at the top level", payload, Only401);
            }
        }

        /// <summary>Event names no handler knows, or mangled known ones, never with the right token (401); no name at all (400).</summary>
        private static Delivery UnknownEvent(Random random)
        {
            string[] names =
            [
                "ONIMBOTV2MESSAGEADDX", "XONIMBOTV2MESSAGEADD", "ONIMBOTMESSAGEADD", "ONAPPINSTALL", "ONAPPUNINSTALL", "ONIMBOTV2DELETE",
                "onimbotv2messageadd", "ONIMBOTV2MESSAGEADD\r\nX-Injected: 1", "ONIMBOTV2MESSAGEADD\0", "\u001b[31mONIMBOTV2MESSAGEADD",
                "\u041ENIMBOTV2MESSAGEADD", "ONIMBOTV2MESSAGE\u202EADD", "ON\U0001F916", "../../etc/passwd", "%s%s%s%n",
            ];
            string name = random.Next(3) switch
            {
                0 => "ON" + RandomUpper(random, random.Next(3, 24)),
                1 => random.Next(8) == 0 ? new string('E', 10_000) : names[random.Next(names.Length)],
                _ => names[random.Next(names.Length)],
            };
            (string tokenVariant, string? token) = random.Next(4) switch
            {
                0 => ("no token", null),
                1 => ("empty token", string.Empty),
                2 => ("random token", RandomHex(random, 32)),
                _ => ("forged token", ForgedToken),
            };

            if (random.Next(6) == 0)
            {
                JsonObject payload = SampleDeliveries.MessageAdd(token ?? string.Empty);
                payload["event"] = name;
                return JsonDelivery("unknown-event", "json, " + tokenVariant, payload, Only401);
            }

            List<KeyValuePair<string, string>> pairs = Payloads.MessageAddPairs(ForgedToken);
            if (token is null)
            {
                pairs.RemoveAt(Forms.IndexOf(pairs, "auth[application_token]"));
            }
            else
            {
                Forms.Set(pairs, "auth[application_token]", token);
            }

            switch (random.Next(8))
            {
                case 0:
                    pairs.RemoveAt(Forms.IndexOf(pairs, "event"));
                    return new Delivery("unknown-event", "no event", Forms.Bytes(pairs), FormType, false, Only400);
                case 1:
                    Forms.ReplaceFamily(pairs, "event", Forms.Pair(random.Next(2) == 0 ? "event[0]" : "event[name]", name));
                    return new Delivery("unknown-event", "event not a string", Forms.Bytes(pairs), FormType, false, Only400);
                case 2:
                    Forms.Set(pairs, "event", string.Empty);
                    return new Delivery("unknown-event", "empty event", Forms.Bytes(pairs), FormType, false, Only400);
                default:
                    Forms.Set(pairs, "event", name);
                    return new Delivery("unknown-event", "unknown, " + tokenVariant, Forms.Bytes(pairs), FormType, false, Only401);
            }
        }

        /// <summary>JSON that is not JSON (proper prefixes, trailing garbage, comments, quotes), or not an object of event, data and auth.</summary>
        private static Delivery JsonMalformed(Random random)
        {
            byte[] json = Payloads.MessageAddJson;
            string text = Encoding.UTF8.GetString(json);
            string? type = random.Next(5) == 0 ? "application/json; charset=utf-8" : JsonType;
            switch (random.Next(12))
            {
                case 0:
                    return new Delivery("json-malformed", "prefix", json[..random.Next(1, json.Length)], type, false, Only400);
                case 1:
                {
                    string[] garbage = ["x", "}", ",", "{}", "[]", "\"\"", "0", "{\"event\":\"ONIMBOTV2MESSAGEADD\"}"];
                    return Bytes("trailing garbage", text + garbage[random.Next(garbage.Length)]);
                }

                case 2:
                    return Bytes("trailing comma", text[..^1] + ",}");
                case 3:
                    return Bytes("comment", random.Next(2) == 0 ? "{/*c*/" + text[1..] : "{//c\n" + text[1..]);
                case 4:
                    return Bytes("single quotes", text.Replace('"', '\''));
                case 5:
                    return Bytes("NaN", text.Replace("\"id\":789", random.Next(2) == 0 ? "\"id\":NaN" : "\"id\":Infinity", StringComparison.Ordinal));
                case 6:
                    return Bytes("unquoted key", text.Replace("\"event\":", "event:", StringComparison.Ordinal));
                case 7:
                    return Bytes("leading garbage", (random.Next(2) == 0 ? "x" : ")]}'\n") + text);
                case 8:
                {
                    string[] notObjects = [string.Empty, " ", "{}", "[]", "null", "\"ONIMBOTV2MESSAGEADD\"", "123", "true", "[{\"event\":\"ONIMBOTV2MESSAGEADD\"}]"];
                    return Bytes("not an object of event", notObjects[random.Next(notObjects.Length)]);
                }

                case 9:
                {
                    JsonObject payload = SampleDeliveries.MessageAdd(RightToken);
                    payload["event"] = random.Next(3) switch { 0 => 123, 1 => new JsonArray("ONIMBOTV2MESSAGEADD"), _ => null };
                    return JsonDelivery("json-malformed", "event not a string", payload, Only400);
                }

                case 10:
                {
                    // A byte order mark, then the delivery with a forged token: refused, whether or not the mark is allowed.
                    byte[] forged = Encoding.UTF8.GetBytes(SampleDeliveries.MessageAdd(ForgedToken).ToJsonString());
                    return new Delivery("json-malformed", "byte order mark, forged", [0xEF, 0xBB, 0xBF, .. forged], type, false, Either400Or401);
                }

                default:
                {
                    // Structural characters swapped at random, with a forged token: the result may even parse.
                    byte[] forged = Encoding.UTF8.GetBytes(SampleDeliveries.MessageAdd(ForgedToken).ToJsonString());
                    byte[] structural = "{}[]:,\""u8.ToArray();
                    for (int n = random.Next(1, 4); n > 0; n--)
                    {
                        int[] at = Enumerable.Range(0, forged.Length).Where(i => structural.Contains(forged[i])).ToArray();
                        forged[at[random.Next(at.Length)]] = structural[random.Next(structural.Length)];
                    }

                    return new Delivery("json-malformed", "structure swapped, forged", forged, type, false, Either400Or401);
                }
            }

            Delivery Bytes(string variant, string body) => new("json-malformed", variant, Encoding.UTF8.GetBytes(body), type, false, Only400);
        }

        /// <summary>JSON nested past MaxDepth: bare arrays, objects inside the delivery, unclosed openings; 34 to 100,000 levels.</summary>
        private static Delivery JsonDeep(Random random)
        {
            int[] depths = [34, 100, 1000, 10_000, 100_000];
            int depth = depths[random.Next(depths.Length)];
            string size = depth.ToString(CultureInfo.InvariantCulture);
            switch (random.Next(4))
            {
                case 0:
                    return new Delivery("json-deep", "bare arrays, " + size, Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', depth)), JsonType, false, Only400);
                case 1:
                    return new Delivery("json-deep", "unclosed, " + size, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", depth))), random.Next(2) == 0 ? JsonType : null, false, Only400);
                default:
                {
                    string text = Encoding.UTF8.GetString(Payloads.MessageAddJson);
                    string nested = random.Next(2) == 0
                        ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
                        : new string('[', depth) + new string(']', depth);
                    string body = text.Replace("\"params\":{}", "\"params\":" + nested, StringComparison.Ordinal);
                    return new Delivery("json-deep", "inside the delivery, " + size, Encoding.UTF8.GetBytes(body), JsonType, false, Only400);
                }
            }
        }

        /// <summary>JSON over the limits: a 2 MiB string (413), a 300 KB string, 5,000 members, a 2,000-byte name (400).</summary>
        private static Delivery JsonHuge(Random random)
        {
            JsonObject payload = SampleDeliveries.MessageAdd(RightToken);
            JsonObject message = payload["data"]!["message"]!.AsObject();
            switch (random.Next(5))
            {
                case 0:
                    message["text"] = Filler(random, 2 * 1024 * 1024);
                    return new Delivery("json-huge", "2 MiB string", Encoding.UTF8.GetBytes(payload.ToJsonString()), JsonType, random.Next(3) == 0, Only413);
                case 1:
                    message["text"] = Filler(random, 300 * 1024);
                    return JsonDelivery("json-huge", "300 KB string", payload, Only400);
                case 2:
                    var members = new JsonObject();
                    for (int i = 0; i < 5000; i++)
                    {
                        members["k" + i.ToString(CultureInfo.InvariantCulture)] = 1;
                    }

                    message["params"] = members;
                    return JsonDelivery("json-huge", "5,000 members", payload, Only400);
                case 3:
                    message[new string('k', 2000)] = 1;
                    return JsonDelivery("json-huge", "2,000-byte name", payload, Only400);
                default:
                    message["text"] = Filler(random, 2 * 1024 * 1024);
                    payload["auth"]!["application_token"] = ForgedToken;
                    return new Delivery("json-huge", "2 MiB string, forged", Encoding.UTF8.GetBytes(payload.ToJsonString()), JsonType, false, Only413);
            }
        }

        /// <summary>Random bytes, or random text over the characters that matter to a form or JSON reader, under any content type.</summary>
        private static Delivery RandomBytes(Random random)
        {
            while (true)
            {
                int length = random.Next(10) switch { < 3 => random.Next(0, 64), < 9 => random.Next(64, 4096), _ => random.Next(4096, 65_536) };
                byte[] body = new byte[length];
                bool text = random.Next(2) == 0;
                if (text)
                {
                    byte[] alphabet = "abcdefghijklmnopqrstuvwxyz0123456789[]=&%+{}\":,event"u8.ToArray();
                    for (int i = 0; i < length; i++)
                    {
                        body[i] = alphabet[random.Next(alphabet.Length)];
                    }
                }
                else
                {
                    random.NextBytes(body);
                }

                string?[] types = [FormType, JsonType, null, "application/octet-stream"];
                string? type = types[random.Next(types.Length)];
                if (!CarriesRightToken(body))
                {
                    return new Delivery("random-bytes", (text ? "form characters" : "bytes") + ", " + (type ?? "no type"), body, type, false, Either400Or401);
                }
            }
        }

        /// <summary>
        /// A genuine body (form or JSON) with every token forged, then 1 to 6 random edits: bytes changed, ranges deleted
        /// or copied elsewhere. No edit can make the right token out of a forged one (no character in common), and a body
        /// that could still hold it is re-rolled, so whatever the edits produce is refused.
        /// </summary>
        private static Delivery MutationForged(Random random)
        {
            while (true)
            {
                (string variant, byte[] body, string? type) = random.Next(5) switch
                {
                    0 => ("json", Encoding.UTF8.GetBytes(SampleDeliveries.MessageAdd(ForgedToken).ToJsonString()), (string?)JsonType),
                    1 => ("join form", Forms.Bytes(Payloads.JoinChatPairs(ForgedToken)), FormType),
                    _ => ("form", Forms.Bytes(Payloads.MessageAddPairs(ForgedToken)), FormType),
                };
                int edits = random.Next(1, 7);
                body = Mutate(body, random, edits);
                if (!CarriesRightToken(body))
                {
                    return new Delivery("mutation-forged", variant + (edits == 1 ? ", 1 edit" : ", several edits"), body, type, false, Either400Or401);
                }
            }
        }

        /// <summary>
        /// The right token, but 1 to 3 of its own bytes changed (whatever they become, the value can no longer decode to
        /// the token: 32 raw bytes decode to 32 only without escapes), plus up to 3 random edits anywhere; the copy in
        /// data[bot][auth] is forged so that no edit can bring the token back from there.
        /// </summary>
        private static Delivery MutationRightToken(Random random)
        {
            while (true)
            {
                bool join = random.Next(3) == 0;
                byte[] body = Encoding.ASCII.GetBytes(HttpBuildQuery.Encode(join ? SampleDeliveries.JoinChat(RightToken, ForgedToken) : SampleDeliveries.MessageAdd(RightToken, ForgedToken)));
                int tokenStart = body.Length - RightToken.Length;
                if (!body.AsSpan(tokenStart).SequenceEqual(RightTokenBytes))
                {
                    throw new InvalidOperationException("The token is not the last value of the body.");
                }

                int flips = random.Next(1, 4);
                for (int n = 0; n < flips; n++)
                {
                    int at = tokenStart + random.Next(RightToken.Length);
                    byte changed;
                    do
                    {
                        changed = random.Next(3) == 0 ? (byte)"&=%+[]"[random.Next(6)] : (byte)random.Next(256);
                    }
                    while (changed == RightTokenBytes[at - tokenStart]);
                    body[at] = changed;
                }

                int edits = random.Next(0, 4);
                body = Mutate(body, random, edits);
                if (!CarriesRightToken(body))
                {
                    return new Delivery("mutation-right-token", (join ? "join, " : string.Empty) + (edits == 0 ? "token bytes changed" : "token bytes changed, more edits"), body, FormType, false, Either400Or401);
                }
            }
        }

        /// <summary>The genuine delivery under a content type that is neither form nor JSON, or the other one of the two.</summary>
        private static Delivery WrongContentType(Random random)
        {
            string[] types = ["text/plain", "multipart/form-data; boundary=----x", "application/xml", "application/x-www-form-urlencodedx", "application/jsonp", "text/html; charset=utf-8", "application/octet-stream", "form", "application/x-www-form-urlencoded, application/json"];
            return random.Next(4) switch
            {
                0 => new Delivery("wrong-content-type", "form sent as json", Payloads.MessageAddForm, JsonType, false, Only400),
                1 => new Delivery("wrong-content-type", "json sent as form", Payloads.MessageAddJson, FormType, false, Only400),
                _ => new Delivery("wrong-content-type", "other type", random.Next(2) == 0 ? Payloads.MessageAddForm : Payloads.MessageAddJson, types[random.Next(types.Length)], false, Only400),
            };
        }

        private static Delivery JsonDelivery(string category, string variant, JsonObject payload, int[] expected) =>
            new(category, variant, Encoding.UTF8.GetBytes(payload.ToJsonString()), JsonType, false, expected);

        /// <summary>Byte flips (to anything, or to a character that matters), deleted ranges, copied ranges, inserted bytes.</summary>
        private static byte[] Mutate(byte[] body, Random random, int edits)
        {
            for (int n = 0; n < edits && body.Length > 0; n++)
            {
                int at = random.Next(body.Length);
                switch (random.Next(5))
                {
                    case 0:
                        body = (byte[])body.Clone();
                        body[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        body = (byte[])body.Clone();
                        body[at] = "&=%+[]{}\":,"u8[random.Next(11)];
                        break;
                    case 2:
                        body = Splice(body, at, Math.Min(random.Next(1, 65), body.Length - at), []);
                        break;
                    case 3:
                        int from = random.Next(body.Length);
                        byte[] copy = body.AsSpan(from, Math.Min(random.Next(1, 129), body.Length - from)).ToArray();
                        body = Splice(body, random.Next(body.Length + 1), 0, copy);
                        break;
                    default:
                        body = Splice(body, at, 0, [(byte)random.Next(256)]);
                        break;
                }
            }

            return body;
        }

        /// <summary>
        /// Whether any reading of the body could find the right token in it: the raw bytes, the bytes percent-decoded as
        /// leniently as can be (a strict decoder yields a substring of this or fails), or a JSON string with escapes.
        /// </summary>
        private static bool CarriesRightToken(byte[] body)
        {
            if (body.AsSpan().IndexOf(RightTokenBytes) >= 0 || LenientPercentDecode(body).AsSpan().IndexOf(RightTokenBytes) >= 0)
            {
                return true;
            }

            if (body.AsSpan().IndexOf((byte)'\\') < 0)
            {
                return false;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                return HasToken(document.RootElement);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // Not JSON, or a string that is not UTF-8: the receiver refuses the whole body.
                return false;
            }

            static bool HasToken(JsonElement element) => element.ValueKind switch
            {
                JsonValueKind.String => element.GetString()!.Contains(RightToken, StringComparison.Ordinal),
                JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name.Contains(RightToken, StringComparison.Ordinal) || HasToken(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().Any(HasToken),
                _ => false,
            };
        }

        private static byte[] LenientPercentDecode(byte[] body)
        {
            var decoded = new List<byte>(body.Length);
            for (int i = 0; i < body.Length; i++)
            {
                if (body[i] == '%' && i + 2 < body.Length && Uri.IsHexDigit((char)body[i + 1]) && Uri.IsHexDigit((char)body[i + 2]))
                {
                    decoded.Add(Convert.ToByte(Encoding.ASCII.GetString(body, i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    decoded.Add(body[i] == '+' ? (byte)' ' : body[i]);
                }
            }

            return decoded.ToArray();
        }

        /// <summary>A position in a form body that is not inside a %XX escape.</summary>
        private static int SafeInsertionPoint(byte[] body, Random random)
        {
            while (true)
            {
                int at = random.Next(body.Length + 1);
                bool insideEscape = (at >= 1 && body[at - 1] == '%') || (at >= 2 && body[at - 2] == '%');
                if (!insideEscape)
                {
                    return at;
                }
            }
        }

        private static byte[] Splice(byte[] body, int at, int remove, byte[] insert) => [.. body.AsSpan(0, at), .. insert, .. body.AsSpan(at + remove)];

        private static string Filler(Random random, int length)
        {
            char[] text = new char[length];
            Array.Fill(text, 'x');
            for (int i = 0; i < 64; i++)
            {
                text[random.Next(length)] = (char)('a' + random.Next(26));
            }

            return new string(text);
        }

        private static string RandomText(Random random, int length) => new(Enumerable.Range(0, length).Select(_ => "abcxyz019 -_.!"[random.Next(14)]).ToArray());

        private static string RandomUpper(Random random, int length) => new(Enumerable.Range(0, length).Select(_ => (char)('A' + random.Next(26))).ToArray());

        private static string RandomHex(Random random, int length)
        {
            while (true)
            {
                string hex = new(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[random.Next(16)]).ToArray());
                if (hex != RightToken)
                {
                    return hex;
                }
            }
        }
    }
}
