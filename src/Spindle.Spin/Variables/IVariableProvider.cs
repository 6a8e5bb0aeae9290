namespace Spindle.Spin.Variables;

/// <summary>A source of application variable values (environment, explicit values, Vault...). Null means "not mine".</summary>
public interface IVariableProvider
{
    ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken);
}
