// The bare-Kestrel baseline for eng/bench-host.sh: answers every request with the bytes samples/hello returns.
#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => { k.AddServerHeader = false; k.Listen(System.Net.IPAddress.Loopback, int.Parse(args[0])); });
var app = builder.Build();
var body = "Hello, Spindle!\n"u8.ToArray();
app.Run(async context =>
{
    context.Response.ContentType = "text/plain";
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
});
app.Run();
