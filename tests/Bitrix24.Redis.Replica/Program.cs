// replica  --webhook URL --id K --messages N [--redis CONN] ...   one replica: sends, prints "RESULT {json}"
// refresh  --endpoint URL --server URL --access A --refresh R --client-id C --secret S --id K --calls N [--redis CONN]
// scenario [--replicas 4] [--messages 250] [--rate 2] [--burst 50] [--headroom 2] [--no-redis] [--kill-redis]
//          a portal, a redis-server and the replicas as processes; prints the table row
using System.Globalization;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Limits;
using Bitrix24.Redis.Replica;

if (args.Length > 0 && args[0] == "replica")
{
    ReplicaResult result = await new ReplicaSender(ReplicaSettings.Parse(args[1..])).RunAsync(CancellationToken.None);
    Console.WriteLine(result.ToLine());
    return 0;
}

if (args.Length > 0 && args[0] == "refresh")
{
    Console.WriteLine((await RefreshReplica.RunAsync(args[1..])).ToLine());
    return 0;
}

if (args.Length > 0 && args[0] == "scenario")
{
    string Value(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    int replicas = int.Parse(Value("--replicas", "4"), CultureInfo.InvariantCulture);
    int messages = int.Parse(Value("--messages", "250"), CultureInfo.InvariantCulture);
    double rate = double.Parse(Value("--rate", "2"), CultureInfo.InvariantCulture);
    int burst = int.Parse(Value("--burst", "50"), CultureInfo.InvariantCulture);
    int headroom = int.Parse(Value("--headroom", "2"), CultureInfo.InvariantCulture);
    bool useRedis = !args.Contains("--no-redis");

    await using EmulatedPortal portal = await EmulatedPortal.StartAsync(new EmulatedPortalOptions { RateLimit = new EmulatedRateLimit(rate, burst) });
    using RedisServerProcess? redis = useRedis ? await RedisServerProcess.StartAsync() : null;
    Func<Task>? fault = redis is not null && args.Contains("--kill-redis")
        ? async () =>
        {
            Console.WriteLine($"{DateTime.Now:HH:mm:ss} halfway: redis-server killed (SIGKILL); restarted in 5 s");
            redis.Kill();
            await Task.Delay(TimeSpan.FromSeconds(5));
            await redis.RestartAsync();
            Console.WriteLine($"{DateTime.Now:HH:mm:ss} redis-server is back");
        }
        : null;

    Console.WriteLine($"{DateTime.Now:HH:mm:ss} {replicas} processes x {messages} messages, portal {rate}/s burst {burst}, {(useRedis ? "paced through Redis (headroom " + headroom + ")" : "each pacing alone (no Redis)")}");
    ScenarioReport report = await ReplicaScenario.RunAsync(portal, redis?.ConnectionString, replicas, messages, rate, burst, headroom, fault, Console.WriteLine);
    Console.WriteLine(ScenarioReport.Header);
    Console.WriteLine(report.ToRow());
    Console.WriteLine($"fallbacks to the per-process share: {report.Fallbacks}");
    return 0;
}

Console.Error.WriteLine("usage: replica --webhook URL --id K --messages N [--redis CONN] | scenario [--replicas P] [--messages N] [--no-redis] [--kill-redis]");
return 2;
