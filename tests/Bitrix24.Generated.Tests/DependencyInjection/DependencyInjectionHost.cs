using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bitrix24.Generated.Tests.DependencyInjection;

/// <summary>Containers set up as an app would: settings in configuration, <c>AddBitrix24</c>, then resolve.</summary>
internal static class DependencyInjectionHost
{
    /// <summary>Configuration from in-memory key/value pairs (<c>Bitrix24:WebhookUrl</c>, ...), as appsettings.json or environment variables give it.</summary>
    public static IConfigurationRoot Configuration(IEnumerable<KeyValuePair<string, string?>> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    /// <summary>A container with <c>AddBitrix24(configuration.GetSection("Bitrix24"))</c>.</summary>
    public static ServiceProvider FromConfiguration(
        IEnumerable<KeyValuePair<string, string?>> settings,
        Action<IServiceCollection>? services = null,
        Action<IHttpClientBuilder>? http = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        IHttpClientBuilder builder = collection.AddBitrix24(Configuration(settings).GetSection("Bitrix24"));
        http?.Invoke(builder);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>The options a resolved client was built with (private to the client; read here only to check what landed in them).</summary>
    public static Bitrix24ClientOptions OptionsOf(Bitrix24Client client)
    {
        FieldInfo? field = typeof(Bitrix24Client).GetField("_options", BindingFlags.NonPublic | BindingFlags.Instance);
        Assert.NotNull(field);
        return Assert.IsType<Bitrix24ClientOptions>(field.GetValue(client));
    }
}
