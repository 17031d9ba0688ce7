using Bitrix24.Tests.Shared;

namespace Bitrix24.Generator.Fuzz;

/// <summary>
/// What every case starts from: the SDK's real spec files (as the SDK build sees them) and the
/// fuzzer's seeds, a made-up scope that uses every key and type of the format. All of it generates
/// and compiles cleanly, so whatever breaks in a case was broken by its edits.
/// </summary>
internal static class SeedSpecs
{
    private static readonly Lazy<(string Path, string Text)[]> s_files = new(Load);

    // The Chatbots 2.0 methods an SDK case starts from: one of each shape (nested fields with enums, a page
    // of objects, keyboards and attachments with UPPER_CASE members, a nullable keyboard, a bare array, an
    // idempotent register, events with maps, a file, a chat), beside the scope's shared types. The other
    // 25 use no spec feature these do not, and every case compiles the whole SDK it generates: with all
    // 34, a case took about twice as long, and 10 000 of them over an hour and a half.
    private static readonly HashSet<string> s_chatbotMethods = new(StringComparer.Ordinal)
    {
        "spec/imbot/imbot.v2.Bot.register.yaml",
        "spec/imbot/imbot.v2.Bot.list.yaml",
        "spec/imbot/imbot.v2.Chat.Message.send.yaml",
        "spec/imbot/imbot.v2.Chat.Message.update.yaml",
        "spec/imbot/imbot.v2.Chat.User.list.yaml",
        "spec/imbot/imbot.v2.Command.register.yaml",
        "spec/imbot/imbot.v2.Event.get.yaml",
        "spec/imbot/imbot.v2.File.upload.yaml",
        "spec/imbot/imbot.v2.Chat.get.yaml",
        "spec/imbot/imbot.v2.types.yaml",
    };

    /// <summary>
    /// The seed files for a mode. An SDK case starts from the shared files, the session methods, the
    /// Chatbots 2.0 methods above and the fuzzer's seeds. An app references the SDK, which already has
    /// the SDK's methods and enums: an app declaring them again is an error every time (B24G2007), so an
    /// app case starts from the fuzzer's own seeds and the two shared files (errors.yaml and naming.yaml
    /// at the top of spec/).
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> For(FuzzMode mode) =>
        s_files.Value.Where(f => IsShared(f.Path) || f.Path.StartsWith("spec/demo/", StringComparison.Ordinal) || (mode == FuzzMode.Sdk && IsSdkSeed(f.Path))).ToArray();

    private static bool IsShared(string path) => path.IndexOf('/', "spec/".Length) < 0;

    private static bool IsSdkSeed(string path) =>
        !path.StartsWith("spec/imbot/", StringComparison.Ordinal) || s_chatbotMethods.Contains(path);

    private static (string Path, string Text)[] Load()
    {
        string specRoot = RepositoryRoot.Combine("spec");
        string seedRoot = RepositoryRoot.Combine("tests/Bitrix24.Generator.Fuzz/Seeds");
        var real = Directory.EnumerateFiles(specRoot, "*.yaml", SearchOption.AllDirectories)
            .Select(file => ("spec/" + Path.GetRelativePath(specRoot, file).Replace('\\', '/'), File.ReadAllText(file)));
        // The seeds' naming.yaml sits in their scope folder, beside the SDK's own naming.yaml.
        var seeds = Directory.EnumerateFiles(seedRoot, "*.yaml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(seedRoot, file).Replace('\\', '/'))
            .Select(relative => ("spec/" + (relative == "naming.yaml" ? "demo/naming.yaml" : relative), File.ReadAllText(Path.Combine(seedRoot, relative))));
        return real.Concat(seeds).OrderBy(f => f.Item1, StringComparer.Ordinal).ToArray();
    }
}
