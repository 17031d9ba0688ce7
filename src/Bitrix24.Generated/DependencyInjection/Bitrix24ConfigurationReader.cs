using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Bitrix24;

/// <summary>
/// Reads <see cref="Bitrix24ServiceOptions"/> from configuration key by key, without reflection (so
/// trimming and NativeAOT keep working), and records every value it cannot read as an error naming the
/// full key and, for values that are not secrets, the value itself. The errors surface through
/// <see cref="Bitrix24ServiceOptionsValidator"/> with the other checks.
/// </summary>
internal static class Bitrix24ConfigurationReader
{
    public static void Read(IConfiguration configuration, Bitrix24ServiceOptions options)
    {
        string path = configuration is IConfigurationSection section ? section.Path : string.Empty;
        options.ConfigurationPath = path;
        options.ConfigurationHint = Hint(configuration, path);
        var reader = new Reader(configuration, path, options.ConfigurationErrors);

        if (reader.Url("WebhookUrl", secret: true) is { } webhook)
        {
            options.WebhookUrl = webhook;
        }

        options.ClientId = reader.Text("ClientId") ?? options.ClientId;
        options.ClientSecret = reader.Text("ClientSecret") ?? options.ClientSecret;
        options.AccessToken = reader.Text("AccessToken") ?? options.AccessToken;
        options.RefreshToken = reader.Text("RefreshToken") ?? options.RefreshToken;
        options.ClientEndpoint = reader.Url("ClientEndpoint", secret: false) ?? options.ClientEndpoint;
        options.ServerEndpoint = reader.Url("ServerEndpoint", secret: false) ?? options.ServerEndpoint;
        options.ApplicationToken = reader.Text("ApplicationToken") ?? options.ApplicationToken;
        options.MemberId = reader.Text("MemberId") ?? options.MemberId;

        if (reader.Text("Plan") is { } plan)
        {
            // Names only: Enum.TryParse would also take "7" or "1,0".
            if (plan.Equals(nameof(Bitrix24Plan.Standard), StringComparison.OrdinalIgnoreCase))
            {
                options.Plan = Bitrix24Plan.Standard;
            }
            else if (plan.Equals(nameof(Bitrix24Plan.Enterprise), StringComparison.OrdinalIgnoreCase))
            {
                options.Plan = Bitrix24Plan.Enterprise;
            }
            else
            {
                reader.Error("Plan", plan, "is not a plan; expected Standard or Enterprise");
            }
        }

        options.RequestsPerSecond = reader.PositiveNumber("RequestsPerSecond") ?? options.RequestsPerSecond;
        options.Burst = reader.PositiveWholeNumber("Burst") ?? options.Burst;
        options.RequestTimeout = reader.Timeout("RequestTimeout") ?? options.RequestTimeout;

        Bitrix24RetryOptions retry = options.Retry;
        retry.Enabled = reader.Boolean("Retry:Enabled") ?? retry.Enabled;
        retry.MaxAttempts = reader.PositiveWholeNumber("Retry:MaxAttempts") ?? retry.MaxAttempts;
        retry.BaseDelay = reader.Delay("Retry:BaseDelay") ?? retry.BaseDelay;
        retry.MaxDelay = reader.Delay("Retry:MaxDelay") ?? retry.MaxDelay;
        retry.TotalTimeout = reader.Timeout("Retry:TotalTimeout") ?? retry.TotalTimeout;
        retry.WaitForOperatingLimit = reader.Boolean("Retry:WaitForOperatingLimit") ?? retry.WaitForOperatingLimit;
    }

    /// <summary>A reason the section holds no settings, for the "no credentials" error.</summary>
    private static string? Hint(IConfiguration configuration, string path)
    {
        if (configuration.GetChildren().Any())
        {
            if (path.Length == 0 && configuration.GetSection(Bitrix24ServiceOptions.SectionName).GetChildren().Any())
            {
                return $"the root configuration was passed; pass configuration.GetSection(\"{Bitrix24ServiceOptions.SectionName}\")";
            }

            return null;
        }

        return path.Length == 0 ? "the configuration is empty" : $"the configuration section '{path}' is missing or empty";
    }

    private sealed class Reader(IConfiguration configuration, string path, List<string> errors)
    {
        public string? Text(string key)
        {
            string? value = configuration[key];
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        public Uri? Url(string key, bool secret)
        {
            string? text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri))
            {
                return uri;
            }

            // A webhook URL holds the code: never echo it.
            errors.Add(secret
                ? $"{Key(key)}: not an absolute URL; expected https://{{portal}}/rest/{{user_id}}/{{code}}/."
                : $"{Key(key)}: '{text}' is not an absolute URL.");
            return null;
        }

        public bool? Boolean(string key)
        {
            string? text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (bool.TryParse(text, out bool value))
            {
                return value;
            }

            Error(key, text, "is not true or false");
            return null;
        }

        public int? PositiveWholeNumber(string key)
        {
            string? text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                Error(key, text, "is not a whole number");
                return null;
            }

            if (value <= 0)
            {
                Error(key, text, "must be at least 1");
                return null;
            }

            return value;
        }

        public double? PositiveNumber(string key)
        {
            string? text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                Error(key, text, "is not a number");
                return null;
            }

            if (value <= 0)
            {
                Error(key, text, "must be more than 0");
                return null;
            }

            return value;
        }

        /// <summary>A time span that bounds something: positive, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> (<c>-00:00:00.001</c>).</summary>
        public TimeSpan? Timeout(string key)
        {
            TimeSpan? value = Time(key);
            if (value is { } span && span <= TimeSpan.Zero && span != System.Threading.Timeout.InfiniteTimeSpan)
            {
                Error(key, Text(key)!, "must be positive (or -00:00:00.001 for no limit)");
                return null;
            }

            return value;
        }

        /// <summary>A wait: zero or more.</summary>
        public TimeSpan? Delay(string key)
        {
            TimeSpan? value = Time(key);
            if (value is { } span && span < TimeSpan.Zero)
            {
                Error(key, Text(key)!, "must not be negative");
                return null;
            }

            return value;
        }

        public void Error(string key, string value, string problem) => errors.Add($"{Key(key)}: '{value}' {problem}.");

        private TimeSpan? Time(string key)
        {
            string? text = Text(key);
            if (text is null)
            {
                return null;
            }

            // The format ConfigurationBinder reads, [-][d.]hh:mm[:ss[.fffffff]], but not a bare number:
            // TimeSpan reads "30" as 30 days, never what a timeout of "30" means.
            if (text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value))
            {
                return value;
            }

            Error(key, text, "is not a time span such as 00:00:30 (hh:mm:ss)");
            return null;
        }

        private string Key(string key) => path.Length == 0 ? key : path + ":" + key;
    }
}
