using System.Reflection;
using System.Reflection.Emit;

namespace Kfp.Provider.Tests.Engine;

/// <summary>
/// Every type that the types of one namespace (and its sub-namespaces, nested and compiler-generated types
/// included) name: base types, interfaces, fields, properties, method signatures, attributes, and the type, method
/// and field tokens of each method body's IL.
/// </summary>
internal sealed class TypeReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly List<(Type From, Type To)> _edges = [];

    private TypeReferences(IReadOnlyList<Type> scanned) => Scanned = scanned;

    /// <summary>The types whose references were read.</summary>
    public IReadOnlyList<Type> Scanned { get; }

    public static TypeReferences Of(Assembly assembly, string ns)
    {
        var types = assembly.GetTypes().Where(t => t.Namespace == ns || t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) == true).ToList();
        var references = new TypeReferences(types);
        foreach (var type in types)
        {
            references.Read(type);
        }
        return references;
    }

    /// <summary>"From -> To" for each reference into one of <paramref name="namespaces"/> (or below).</summary>
    public IReadOnlyList<string> Where(IReadOnlyList<string> namespaces) =>
        [.. _edges
            .Where(e => e.To.Namespace is { } n && namespaces.Any(f => n == f || n.StartsWith(f + ".", StringComparison.Ordinal)))
            .Select(e => $"{e.From.FullName} -> {e.To.FullName}")
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private void Read(Type type)
    {
        Add(type, type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(type, i);
        }
        Attributes(type, type.CustomAttributes);
        foreach (var field in type.GetFields(All))
        {
            Add(type, field.FieldType);
            Attributes(type, field.CustomAttributes);
        }
        foreach (var property in type.GetProperties(All))
        {
            Add(type, property.PropertyType);
        }
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                Add(type, info.ReturnType);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(type, parameter.ParameterType);
            }
            Attributes(type, method.CustomAttributes);
            Body(type, method);
        }
    }

    private void Attributes(Type from, IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            Add(from, attribute.AttributeType);
        }
    }

    private void Body(Type from, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return;
        }
        var typeArguments = from.IsGenericType ? from.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    var token = BitConverter.ToInt32(il, position);
                    var member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    Add(from, member as Type ?? member?.DeclaringType);
                    if (member is MethodInfo target)
                    {
                        Add(from, target.ReturnType);
                        foreach (var argument in target.IsGenericMethod ? target.GetGenericArguments() : [])
                        {
                            Add(from, argument);
                        }
                    }
                    if (member is FieldInfo field)
                    {
                        Add(from, field.FieldType);
                    }
                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private void Add(Type from, Type? to)
    {
        if (to is null)
        {
            return;
        }
        if (to.HasElementType)
        {
            Add(from, to.GetElementType());
            return;
        }
        if (to.IsGenericType && !to.IsGenericTypeDefinition)
        {
            foreach (var argument in to.GetGenericArguments())
            {
                Add(from, argument);
            }
            to = to.GetGenericTypeDefinition();
        }
        if (!to.IsGenericParameter)
        {
            _edges.Add((from, to));
        }
    }
}
