using System.Text;
using System.Text.Json;
using Spindle.Kubernetes.Models.Admission;
using Spindle.Kubernetes.Models.Meta;
using Spindle.Operator.Api;

namespace Spindle.Operator.Admission;

/// <summary>
/// Answers AdmissionReviews for SpinApps and SpinAppExecutors (mutating and validating) as spin-operator's webhooks
/// do. Transport-free: the HTTPS endpoint hands it the decoded review.
/// </summary>
internal sealed class AdmissionHandler(IExecutorLookup executors)
{
    public async Task<AdmissionResponse> HandleAsync(AdmissionReview review, bool mutate, CancellationToken cancellationToken)
    {
        var request = review.Request ?? throw new AdmissionException("the AdmissionReview has no request");
        var response = new AdmissionResponse { Uid = request.Uid, Allowed = true };
        var group = request.Kind?.Group ?? SpinKube.Group;
        var kind = request.Kind?.Kind ?? "";

        // Deletes are always allowed (spin-operator's ValidateDelete returns nothing); CONNECT never reaches us.
        if (request.Operation is not ("CREATE" or "UPDATE") || request.Object is not { } obj) return response;

        if (kind == "SpinApp")
        {
            var app = obj.Deserialize(OperatorJsonContext.Default.SpinApp) ?? throw new AdmissionException("the request's object is not a SpinApp");
            app.Metadata.Namespace ??= request.Namespace;
            if (mutate)
            {
                var names = app.Spec.Executor.Length == 0 ? await executors.ListNamesAsync(group, cancellationToken) : [];
                if (SpinAppDefaulter.DefaultExecutor(app, names) is { } executor)
                {
                    response.PatchType = "JSONPatch";
                    response.Patch = Encoding.UTF8.GetBytes(
                        "[{\"op\":\"add\",\"path\":\"/spec/executor\",\"value\":" + JsonSerializer.Serialize(executor, OperatorJsonContext.Default.String) + "}]");
                }

                return response;
            }

            var found = app.Spec.Executor.Length == 0
                ? null
                : await executors.TryGetAsync(group, app.Metadata.Namespace ?? "", app.Spec.Executor, cancellationToken);
            return Deny(response, "SpinApp", group, app.Metadata.Name ?? request.Name, SpinAppValidator.Validate(app, found));
        }

        if (kind == "SpinAppExecutor")
        {
            // The executor defaulter is a no-op, as in spin-operator.
            if (mutate) return response;
            var executor = obj.Deserialize(OperatorJsonContext.Default.SpinAppExecutor)
                ?? throw new AdmissionException("the request's object is not a SpinAppExecutor");
            return Deny(response, "SpinAppExecutor", group, executor.Metadata.Name ?? request.Name, SpinAppExecutorValidator.Validate(executor));
        }

        throw new AdmissionException($"this webhook serves SpinApp and SpinAppExecutor, not '{kind}': check the webhook configuration's rules");
    }

    private static AdmissionResponse Deny(AdmissionResponse response, string kind, string group, string? name, IReadOnlyList<FieldError> errors)
    {
        if (errors.Count == 0) return response;
        response.Allowed = false;
        response.Result = InvalidObject.Status(kind, group, name, errors);
        return response;
    }

    /// <summary>A review the webhook cannot answer: the API server sees a 400 with this message.</summary>
    public static AdmissionResponse Error(string uid, string message) => new()
    {
        Uid = uid,
        Allowed = false,
        Result = new Status { Code = 400, Message = message, Reason = "BadRequest", StatusValue = "Failure" },
    };
}
