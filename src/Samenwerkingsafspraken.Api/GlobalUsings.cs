global using Microsoft.AspNetCore.Mvc;
