namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>Answer bodies shaped like a portal's.</summary>
public static class Bodies
{
    /// <summary>A time block as the docs show it (FACTS.md section 7).</summary>
    public const string Time =
        """{"start":1728633600.123456,"finish":1728633600.345678,"duration":0.222222,"processing":0.1,"date_start":"2024-10-11T10:00:00+02:00","date_finish":"2024-10-11T10:00:00+02:00"}""";

    /// <summary>The success answer of all four methods.</summary>
    public const string True = """{"result":true,"time":""" + Time + "}";

    /// <summary>An error envelope.</summary>
    public static string Error(string code, string description) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["error"] = code,
            ["error_description"] = description,
        });
}
