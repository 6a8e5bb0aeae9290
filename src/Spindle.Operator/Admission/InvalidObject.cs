using Spindle.Kubernetes.Models.Meta;

namespace Spindle.Operator.Admission;

/// <summary>apierrors.NewInvalid: the 422 Status a webhook returns, whose message the API server shows the user.</summary>
internal static class InvalidObject
{
    /// <summary><c>SpinApp.core.spinkube.dev "name" is invalid: err</c>, or <c>[err1, err2]</c> for several.</summary>
    public static string Message(string kind, string group, string? name, IReadOnlyList<FieldError> errors)
    {
        var list = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]";
        return $"{kind}.{group} \"{name}\" is invalid: {list}";
    }

    public static Status Status(string kind, string group, string? name, IReadOnlyList<FieldError> errors)
    {
        var causes = new List<StatusCause>(errors.Count);
        foreach (var error in errors)
        {
            causes.Add(new StatusCause { Reason = "FieldValueInvalid", Message = error.Body, Field = error.Field });
        }

        return new Status
        {
            ApiVersion = "v1",
            Kind = "Status",
            StatusValue = "Failure",
            Message = Message(kind, group, name, errors),
            Reason = "Invalid",
            Details = new StatusDetails { Name = name, Group = group, Kind = kind, Causes = causes },
            Code = 422,
        };
    }
}
