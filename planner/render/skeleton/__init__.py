"""The project skeleton: a working Flask (or Falcon) project that follows every decision."""
