using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bitrix24.Emulator.Hosting;
using Bitrix24.Emulator.Wire;
using Microsoft.AspNetCore.WebUtilities;

namespace Bitrix24.Emulator.Methods.Batch;

/// <summary>
/// <c>batch</c> (REST docs: batch): up to 50 commands <c>method?query</c> run in order with the caller's
/// authorization; <c>$result[key][field]</c> references earlier results; with <c>halt</c> it stops at
/// the first failure; commands past 50 fail with <c>ERROR_BATCH_LENGTH_EXCEEDED</c>; a nested batch
/// fails with <c>ERROR_BATCH_METHOD_NOT_ALLOWED</c>. The answer is HTTP 200 however the commands fare.
/// </summary>
internal static partial class BatchMethod
{
    public const int MaxCommands = 50;

    public static EmulatedMethod Create(RestDispatcher dispatcher) =>
        new("batch", [], call => Run(dispatcher, call)) { CountsOperatingTime = false, AllowedInBatch = false };

    private static JsonNode Run(RestDispatcher dispatcher, EmulatedCall call)
    {
        JsonObject p = ParameterKeys.UpperCased(call.Parameters);
        bool halt = IsTrue(p["HALT"]);
        var results = new PhpArray();
        var errors = new PhpArray();
        var times = new PhpArray();
        var done = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);

        int index = 0;
        foreach ((string key, string command) in Commands(p["CMD"]))
        {
            CallOutcome outcome = index++ >= MaxCommands
                ? CallOutcome.Failure(SystemErrors.BatchLengthExceeded())
                : RunOne(dispatcher, call, command, done);

            if (outcome.Error is { } error)
            {
                errors.Add(key, new JsonObject { ["error"] = error.Code, ["error_description"] = error.Description });
                if (halt)
                {
                    break;
                }

                continue;
            }

            done[key] = outcome.Result;
            results.Add(key, outcome.Result?.DeepClone());
            times.Add(key, outcome.Time!.ToJson());
        }

        return new JsonObject
        {
            ["result"] = results.ToJson(),
            ["result_error"] = errors.ToJson(),
            ["result_total"] = new JsonArray(),
            ["result_next"] = new JsonArray(),
            ["result_time"] = times.ToJson(),
        };
    }

    private static CallOutcome RunOne(RestDispatcher dispatcher, EmulatedCall call, string command, Dictionary<string, JsonNode?> done)
    {
        int question = command.IndexOf('?', StringComparison.Ordinal);
        string method = (question < 0 ? command : command[..question]).Trim();
        var parameters = new JsonObject();
        if (question >= 0)
        {
            foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in QueryHelpers.ParseQuery(command[question..]))
            {
                foreach (string? value in values)
                {
                    FormKeys.Add(parameters, name, value ?? string.Empty);
                }
            }
        }

        return dispatcher.Invoke(call.Caller, method, Substitute(parameters, done), insideBatch: true);
    }

    private static IEnumerable<(string Key, string Command)> Commands(JsonNode? cmd) => cmd switch
    {
        JsonObject obj => obj.Select(p => (p.Key, PhpValue.ToText(p.Value))).ToArray(),
        JsonArray array => array.Select((v, i) => (i.ToString(CultureInfo.InvariantCulture), PhpValue.ToText(v))).ToArray(),
        _ => [],
    };

    private static bool IsTrue(JsonNode? value) => PhpValue.ToText(value) is "1" or "true" or "Y" or "y";

    /// <summary>Replaces <c>$result[key][field]…</c> in every string value with the earlier result it names.</summary>
    private static JsonObject Substitute(JsonObject parameters, Dictionary<string, JsonNode?> done)
    {
        foreach (string key in parameters.Select(p => p.Key).ToArray())
        {
            parameters[key] = SubstituteValue(parameters[key], done);
        }

        return parameters;
    }

    private static JsonNode? SubstituteValue(JsonNode? value, Dictionary<string, JsonNode?> done)
    {
        switch (value)
        {
            case JsonObject obj:
                return Substitute(obj, done);
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    array[i] = SubstituteValue(array[i]?.DeepClone(), done);
                }

                return array;
        }

        string text = PhpValue.ToText(value);
        if (!text.Contains("$result[", StringComparison.Ordinal))
        {
            return value;
        }

        Match whole = Reference().Match(text);
        if (whole.Success && whole.Length == text.Length)
        {
            return Resolve(whole, done)?.DeepClone();
        }

        return JsonValue.Create(Reference().Replace(text, m => PhpValue.ToText(Resolve(m, done))));
    }

    private static JsonNode? Resolve(Match reference, Dictionary<string, JsonNode?> done)
    {
        if (!done.TryGetValue(reference.Groups["key"].Value, out JsonNode? node))
        {
            return null;
        }

        foreach (Capture segment in reference.Groups["path"].Captures)
        {
            node = node switch
            {
                JsonObject obj => obj[segment.Value],
                JsonArray array when int.TryParse(segment.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < array.Count => array[i],
                _ => null,
            };
        }

        return node;
    }

    [GeneratedRegex(@"\$result\[(?<key>[^\]]+)\](?:\[(?<path>[^\]]*)\])*")]
    private static partial Regex Reference();
}
