namespace Bitrix24.Packages.Tests;

/// <summary>The sample apps' files (FreshApp/, AotApp/), copied to the test output as data.</summary>
internal static class SampleApps
{
    /// <summary>Copies the files of sample <paramref name="name"/> into <paramref name="app"/>, keeping their folders.</summary>
    public static void CopyInto(string name, string app)
    {
        string source = Path.Combine(AppContext.BaseDirectory, name);
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(app, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
