using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Emitting;

/// <summary>Emits <c>[assembly: Bitrix24GeneratedMethods(...)]</c>: the REST methods this assembly has code for.</summary>
internal static class GeneratedMethodsEmitter
{
    public static string Emit(GeneratedMethodsUnit unit)
    {
        SourceWriter writer = GeneratedFile.Start("The REST methods generated into this assembly, for the generator in projects that reference it.");
        if (unit.Methods.IsEmpty)
        {
            writer.Line("[assembly: global::Bitrix24.Bitrix24GeneratedMethods]");
            return writer.Finish();
        }

        writer.Line("[assembly: global::Bitrix24.Bitrix24GeneratedMethods(");
        writer.Indent();
        for (int i = 0; i < unit.Methods.Count; i++)
        {
            writer.Line(CSharpText.Literal(unit.Methods[i]), (i + 1 < unit.Methods.Count ? "," : ")]"));
        }

        writer.Unindent();
        return writer.Finish();
    }
}
