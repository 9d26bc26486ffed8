"""The client's methods, one mixin per SWF resource."""
