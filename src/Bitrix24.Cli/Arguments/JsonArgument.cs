using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Bitrix24.Cli.Arguments;

/// <summary>
/// The JSON given for a parameter: the text itself, or <c>@path</c> for a file (relative to the working
/// directory). Strict JSON, as the portal reads it: no comments, no trailing commas.
/// </summary>
internal static class JsonArgument
{
    private static readonly JsonDocumentOptions Strict = new();

    /// <summary>Whether the text names a file rather than holding the JSON.</summary>
    public static bool IsFile(string token) => token.StartsWith('@');

    /// <summary>Reads the JSON of one command-line value.</summary>
    /// <param name="token">The value as given: JSON, or <c>@path</c>.</param>
    /// <param name="workingDirectory">Where a relative path starts.</param>
    /// <param name="value">The JSON, detached from any document.</param>
    /// <param name="problem">What is wrong, naming the file and the position: "invalid JSON at line 1, column 12: ...".</param>
    public static bool TryRead(string token, string workingDirectory, out JsonElement value, [NotNullWhen(false)] out string? problem)
    {
        value = default;
        string? file = null;
        string text = token;
        if (IsFile(token))
        {
            file = token[1..];
            if (!TryReadFile(file, workingDirectory, out text, out problem))
            {
                return false;
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problem = file is null ? "expected JSON, got an empty value" : $"'{file}' is empty; expected JSON";
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text, Strict);
            value = document.RootElement.Clone();
            problem = null;
            return true;
        }
        catch (JsonException e)
        {
            problem = Describe(e, text, file);
            return false;
        }
    }

    private static bool TryReadFile(string file, string workingDirectory, out string text, [NotNullWhen(false)] out string? problem)
    {
        text = string.Empty;
        if (file.Length == 0)
        {
            problem = "'@' must be followed by the path of a JSON file, e.g. @fields.json";
            return false;
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(file, workingDirectory);
        }
        catch (ArgumentException)
        {
            problem = $"cannot read '{file}': not a valid path";
            return false;
        }

        if (Directory.Exists(fullPath))
        {
            problem = $"cannot read '{file}': it is a directory ({fullPath})";
            return false;
        }

        try
        {
            // UTF-8, or whatever a byte order mark says.
            text = File.ReadAllText(fullPath);
            problem = null;
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"cannot read '{file}': no such file ({fullPath})";
        }
        catch (UnauthorizedAccessException)
        {
            problem = $"cannot read '{file}': permission denied ({fullPath})";
        }
        catch (IOException e)
        {
            problem = $"cannot read '{file}': {e.Message}";
        }

        return false;
    }

    /// <summary>"invalid JSON [in file] at line L, column C: reason", the column counted in characters from 1.</summary>
    private static string Describe(JsonException error, string text, string? file)
    {
        int line = (int)(error.LineNumber ?? 0);
        int column = Column(text, line, (int)(error.BytePositionInLine ?? 0));
        var message = new StringBuilder("invalid JSON");
        if (file is not null)
        {
            message.Append(" in '").Append(file).Append('\'');
        }

        message.Append(" at line ").Append(line + 1).Append(", column ").Append(column).Append(": ").Append(Reason(error.Message));

        // `--fields {"message":"Hi"}` reaches the program as {message:Hi}: the shell ate the quotes.
        if (file is null && !text.Contains('"', StringComparison.Ordinal) && text.TrimStart() is [('{' or '[') and char first, ..])
        {
            message.Append(" Quote the whole JSON for the shell: ").Append(first == '[' ? "'[\"a\",\"b\"]'." : "'{\"message\":\"Hi\"}'.");
        }

        return message.ToString();
    }

    /// <summary>The 1-based character column of a byte offset within a line (JSON positions count UTF-8 bytes).</summary>
    private static int Column(string text, int line, int bytePosition)
    {
        string[] lines = text.Split('\n');
        string lineText = line < lines.Length ? lines[line] : string.Empty;
        byte[] bytes = Encoding.UTF8.GetBytes(lineText);
        return Encoding.UTF8.GetCharCount(bytes, 0, Math.Min(bytePosition, bytes.Length)) + 1;
    }

    /// <summary>System.Text.Json's message without the position (given already) and the advice meant for programmers.</summary>
    private static string Reason(string message)
    {
        string reason = message;
        int at = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at >= 0)
        {
            reason = reason[..at];
        }

        if (reason.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
        {
            return "the JSON ends before every object and array is closed.";
        }

        // The message quotes the text it stopped at, which may run over several lines.
        return string.Join(' ', reason
            .Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal)
            .Replace(" which is not supported in this mode", ", which JSON does not allow", StringComparison.Ordinal)
            .Replace(", when isFinalBlock is true", string.Empty, StringComparison.Ordinal)
            .Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
