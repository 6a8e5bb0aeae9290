namespace Spindle.Wasm.Binary;

// Custom sections and the "name" section.
internal sealed partial class ModuleDecoder
{
    private void ReadCustomSection(ref WasmReader reader)
    {
        var name = reader.ReadName();
        var dataOffset = reader.Position;
        var length = reader.End - dataOffset;
        _customs.Add(new CustomSection(name, dataOffset, length));
        if (name == "name" && _names is null)
        {
            _names = TryReadNameSection(dataOffset, reader.End);
        }

        reader.Seek(reader.End);
    }

    // The name section is advisory (spec appendix 7.4): a malformed one is dropped, never an error.
    private NameSection? TryReadNameSection(int start, int end)
    {
        try
        {
            return ReadNameSection(new WasmReader(_bytes, start, end, "name"));
        }
        catch (WasmDecodeException)
        {
            return null;
        }
    }

    private static NameSection ReadNameSection(WasmReader reader)
    {
        string? moduleName = null;
        var functionNames = new Dictionary<uint, string>();
        var localNames = new Dictionary<uint, Dictionary<uint, string>>();
        while (!reader.IsAtEnd)
        {
            var id = reader.ReadByte();
            var start = reader.ReadLengthPrefixed(out var size);
            var sub = new WasmReader(reader.Data, start, start + size, "name");
            switch (id)
            {
                case 0:
                    moduleName = sub.ReadName();
                    break;
                case 1:
                    ReadNameMap(ref sub, functionNames);
                    break;
                case 2:
                    var count = sub.ReadCount(2);
                    for (var i = 0; i < count; i++)
                    {
                        var function = sub.ReadU32();
                        var map = new Dictionary<uint, string>();
                        ReadNameMap(ref sub, map);
                        localNames[function] = map;
                    }

                    break;
            }
        }

        var names = new NameSection { ModuleName = moduleName };
        foreach (var (k, v) in functionNames)
        {
            names.FunctionNames[k] = v;
        }

        foreach (var (k, v) in localNames)
        {
            names.LocalNames[k] = v;
        }

        return names;
    }

    private static void ReadNameMap(ref WasmReader reader, Dictionary<uint, string> map)
    {
        var count = reader.ReadCount(2);
        for (var i = 0; i < count; i++)
        {
            var index = reader.ReadU32();
            map[index] = reader.ReadName();
        }
    }
}
