using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Emitting;

/// <summary>Emits the list behind <c>Bitrix24MethodCatalog</c>: one descriptor per method, by name.</summary>
internal static class CatalogEmitter
{
    public static string Emit(CatalogUnit unit)
    {
        SourceWriter writer = GeneratedFile.Start("The catalog of every generated method.");
        writer.Line("namespace Bitrix24;");
        writer.Line();
        writer.Line("partial class Bitrix24MethodCatalog");
        using (writer.Open())
        {
            writer.Line("private static partial global::Bitrix24.Bitrix24MethodInfo[] CreateMethods()");
            using (writer.Open())
            {
                if (unit.Descriptors.IsEmpty)
                {
                    writer.Line("return global::System.Array.Empty<global::Bitrix24.Bitrix24MethodInfo>();");
                }
                else
                {
                    writer.Line("return new global::Bitrix24.Bitrix24MethodInfo[]");
                    using (writer.Open(";"))
                    {
                        foreach (string descriptor in unit.Descriptors)
                        {
                            writer.Line(descriptor, ",");
                        }
                    }
                }
            }
        }

        return writer.Finish();
    }
}
