using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Bitrix24.Inbound;

/// <summary>
/// Keeps each installation in a JSON file of its own in a folder (written atomically), so installations
/// survive restarts of a single process. The files hold tokens: give the folder to the application's user only.
/// </summary>
public sealed class FileBitrix24InstallationStore : IBitrix24InstallationStore
{
    private readonly string _directory;

    /// <summary>Creates the store; the folder is created when missing.</summary>
    /// <param name="directory">The folder of the installation files.</param>
    public FileBitrix24InstallationStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <inheritdoc/>
    public async ValueTask<Bitrix24Installation?> FindAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        byte[]? content = await AtomicFile.ReadAsync(PathFor(memberId), cancellationToken).ConfigureAwait(false);
        return content is null ? null : Read(content, memberId);
    }

    /// <inheritdoc/>
    public async ValueTask SaveAsync(Bitrix24Installation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("memberId", installation.MemberId);
            writer.WriteString("applicationToken", installation.ApplicationToken);
            WriteIfSet(writer, "domain", installation.Domain);
            WriteIfSet(writer, "clientEndpoint", installation.ClientEndpoint?.AbsoluteUri);
            WriteIfSet(writer, "serverEndpoint", installation.ServerEndpoint?.AbsoluteUri);
            WriteIfSet(writer, "accessToken", installation.AccessToken);
            WriteIfSet(writer, "refreshToken", installation.RefreshToken);
            WriteIfSet(writer, "expiresAt", installation.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString("installedAt", installation.InstalledAt.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        await AtomicFile.WriteAsync(PathFor(installation.MemberId), buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        string path = PathFor(memberId);
        bool existed = File.Exists(path);
        File.Delete(path);
        return ValueTask.FromResult(existed);
    }

    private string PathFor(string memberId) => AtomicFile.PathFor(_directory, "installation:" + memberId, ".json");

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static Bitrix24Installation Read(byte[] content, string memberId)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            JsonElement root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            DateTimeOffset? Time(string name) => Text(name) is { } text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset at) ? at : null;
            Uri? Address(string name) => Text(name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) ? uri : null;

            return new Bitrix24Installation(Text("memberId") ?? memberId, Text("applicationToken") ?? throw new JsonException("no applicationToken"))
            {
                Domain = Text("domain"),
                ClientEndpoint = Address("clientEndpoint"),
                ServerEndpoint = Address("serverEndpoint"),
                AccessToken = Text("accessToken"),
                RefreshToken = Text("refreshToken"),
                ExpiresAt = Time("expiresAt"),
                InstalledAt = Time("installedAt") ?? default,
            };
        }
        catch (JsonException ex)
        {
            // Never the content: it holds tokens.
            throw new InvalidOperationException($"The installation file of portal {memberId} is damaged ({ex.GetType().Name}); remove it and install the application again.", ex);
        }
    }
}
