using System;
using System.Collections.Generic;

namespace Bitrix24.Generator.Naming;

/// <summary>
/// Names of the hand-written runtime that the SDK's generated names must stay off. A scope becomes
/// both a namespace under <c>Bitrix24</c> and a property of <c>Bitrix24Client</c> and
/// <c>Bitrix24Batch</c>, which the runtime is compiled with:
/// <list type="bullet">
/// <item>a namespace named like a runtime type conflicts with it (CS0101);</item>
/// <item>a namespace or property named like a framework type the runtime's code names without
/// qualification (<c>Uri</c>, <c>System</c>) is found first by that code's name lookup
/// (<c>Bitrix24.Uri</c> instead of <c>System.Uri</c>), and the runtime no longer compiles;</item>
/// <item>a property named like a member of the client or the batch, public or private, is declared twice.</item>
/// </list>
/// The lists are written by hand from the runtime; <c>ReservedNamesTests</c> derives each from the
/// compiled runtime and fails when one differs, naming what to add or remove. The runtime writes the
/// names of real Bitrix24 method families in full (<c>global::System.Threading.Tasks.Task</c>, for
/// <c>task.*</c>), so those stay usable; a test generates every real family.
/// </summary>
internal static class RuntimeNames
{
    /// <summary>Members of the hand-written <c>Bitrix24Client</c>, of any accessibility, and those of object.</summary>
    public static readonly HashSet<string> ClientMembers = new(StringComparer.Ordinal)
    {
        "CallAsync", "CallForResultAsync", "CreateBatch", "CreateHttpClient", "Dispose", "OAuthTokens", "Portal",
        "_caller", "_httpClient", "_options", "_ownsHttpClient", "_redactor", "_session",
        "Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString",
    };

    /// <summary>Members of the hand-written <c>Bitrix24Batch</c>, of any accessibility, and those of object.</summary>
    public static readonly HashSet<string> BatchMembers = new(StringComparer.Ordinal)
    {
        "Add", "AlreadyExecuted", "Apply", "BatchCall", "CallFailed", "CommandError", "Commands", "Count", "CreateDescriptor",
        "ExecuteAsync", "Halt", "IdempotentBatch", "IsExecuted", "Items", "MaxCommandsPerCall", "NonIdempotentBatch", "SkipFrom",
        "ThrowIfExecuted", "_client", "_executed", "_items", "_readOnlyItems", "_redactor",
        "Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString",
    };

    /// <summary>The runtime's namespaces inside <c>Bitrix24</c>: a scope of that name would share it with the runtime's types.</summary>
    public static readonly HashSet<string> Namespaces = new(StringComparer.Ordinal) { "Inbound" };

    /// <summary>The types in namespace <c>Bitrix24</c>: the runtime's, public and internal, and those the SDK build generates there.</summary>
    public static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "Answer", "Backoff", "BatchCommandEncoder", "BatchEntry", "BatchError", "BatchResults", "Bitrix24ApiException", "Bitrix24AuthMode", "Bitrix24AuthorizationLostException",
        "Bitrix24Batch", "Bitrix24BatchItem", "Bitrix24BatchItemStatus", "Bitrix24Client", "Bitrix24ClientOptions", "Bitrix24ClientOptionsFactory",
        "Bitrix24ConfigurationReader", "Bitrix24EnumValueInfo", "Bitrix24ErrorCode", "Bitrix24ErrorCodes", "Bitrix24Exception",
        "Bitrix24GeneratedMethodsAttribute", "Bitrix24Json", "Bitrix24LimitDecision", "Bitrix24LimitReservation", "Bitrix24LimitScope", "Bitrix24Log", "Bitrix24Metrics", "Bitrix24MemberInfo", "Bitrix24Method", "Bitrix24MethodCatalog", "Bitrix24MethodInfo",
        "Bitrix24OAuthTokens", "Bitrix24ParameterInfo", "Bitrix24ParameterWriter", "Bitrix24Plan", "Bitrix24PortalClients", "Bitrix24RateLimit", "Bitrix24Response",
        "Bitrix24ResponseTime", "Bitrix24ResultReader", "Bitrix24RetryClass", "Bitrix24RefreshTurn", "Bitrix24RefreshTurnKind", "Bitrix24RetryOptions", "Bitrix24ServiceOptions",
        "Bitrix24ServiceOptionsValidator", "Bitrix24SharedTokenKey", "Bitrix24StoredTokens", "Bitrix24Telemetry", "Bitrix24Transport", "Bitrix24TransportException", "Bitrix24TransportFailure",
        "Bitrix24ValueKind", "Bitrix24ValueType", "Bitrix24WireParser", "CachedJsonWriter", "ClockedTokenBucket", "EndpointRules",
        "EnvelopeFieldReader", "IBitrix24SharedLimits", "IBitrix24SharedTokenStore", "IBitrix24TokenStore", "InMemoryBitrix24SharedTokenStore", "InstallationTokenStore", "OAuthSession", "OperatingLimitGate", "PooledResponseBody", "PortalRateLimiters",
        "RequestTimeouts", "ResilientCaller", "ResponseEnvelopeReader", "RetryAction", "RetryPolicy", "SecretRedactor", "SharedLimitScope", "SharedRefresh", "TokenEndpointClient",
    };

    /// <summary>
    /// Types and namespaces outside <c>Bitrix24</c> that the runtime's code (and the logging code
    /// generated from it) names by their simple name from inside namespace <c>Bitrix24</c>.
    /// </summary>
    public static readonly HashSet<string> ResolvedBySimpleName = new(StringComparer.Ordinal)
    {
        "Activity", "ActivityKind", "ActivitySource", "ActivityStatusCode", "ArgumentException", "ArgumentNullException",
        "ArgumentOutOfRangeException", "Array", "AsyncServiceScope", "Attribute", "AttributeTargets", "BackgroundService", "Bitrix24ServiceCollectionExtensions", "CancellationToken",
        "CancellationTokenRegistration", "CancellationTokenSource", "CollectionsMarshal", "Convert", "CryptographicOperations", "CultureInfo",
        "DateTimeOffset", "DateTimeStyles", "DecompressionMethods", "DelegatingHandler", "Directory", "DirectoryNotFoundException",
        "DynamicallyAccessedMemberTypes", "Encoding", "EventsRegistered", "Exception", "ExceptionDispatchInfo", "File", "FileAccess", "FileMode",
        "FileNotFoundException", "FileOptions", "FileShare", "FileStream", "FormatException", "Guid", "HashCode", "HttpClient",
        "HttpCompletionOption", "HttpConfigured", "HttpContent", "HttpMethod", "HttpRequestError", "HttpRequestException", "HttpRequestMessage", "HttpResponseMessage",
        "IConfiguration", "IConfigurationSection", "IDisposable", "IHostedService", "IHttpClientBuilder", "IHttpClientFactory", "ILogger",
        "ILoggerFactory", "IOException", "IServiceCollection", "IServiceProvider", "IServiceScopeFactory", "ITimer", "Interlocked",
        "InvalidOperationException", "JavaScriptEncoder", "JsonDocument", "JsonElement", "JsonException", "JsonProperty", "JsonReaderOptions",
        "JsonTokenType", "JsonValueKind", "JsonWriterOptions", "LogLevel", "Math", "MediaTypeHeaderValue", "Meter", "MetadataName", "Microsoft",
        "NullLoggerFactory", "NumberStyles", "OperationCanceledException", "Options", "OptionsValidationException", "OverflowException",
        "PollerRegistered", "Random", "RateLimitLease", "RateLimiter", "RateLimiterStatistics", "ReadOnlyMemoryContent", "Registered", "SHA256",
        "ServiceDescriptor", "SocketsHttpHandler", "Stopwatch", "Stream", "StringBuilder", "StringComparer", "StringComparison",
        "StringSplitOptions", "System", "TagList", "TaskCreationOptions", "TimeProvider", "TimeSpan", "Timeout", "TokenBucketRateLimiter", "Type", "Uri",
        "UriBuilder", "UriKind", "UriPartial", "Utf8", "Utf8Formatter", "Utf8JsonReader", "Utf8JsonWriter", "Utf8Parser", "ValidateOptionsResult",
        "ValueTask", "Volatile",
    };
}
