@extends('layouts.app')

@section('title', 'Heel Pain in Runners | Northside Podiatry')
@section('meta_description', 'Why heels hurt after running, and what helps.')

{{-- Template: treatment page. Title block copied from the sprain page, fix later --}}
@section('content')
@include('partials.breadcrumb', ['items' => ['Conditions', 'Heel pain']])
<div class="container">
  <h1 class="page-title">{{ $page->heading ?? 'Heel Pain in Runners' }}</h1>
  @if($page->show_banner)
    <img src="{{ asset('img/heel.jpg') }}" alt="A runner stretching her calf">
  @endif
  <div class="article-body">
    <h2>Heel Pain in Runners</h2>
    <p>Heel pain that is worst with the first steps in the morning is the classic sign of plantar heel pain. It often eases after a few minutes of walking and comes back after a long run.</p>
    <h3>Why it happens</h3>
    <p>The plantar fascia is overloaded when mileage goes up quickly, when the calf muscles are tight, or when worn-out shoes no longer cushion the heel strike.</p>
    <h3>What we do</h3>
    <ul>
      <li>Calf and plantar fascia stretches, twice a day.</li>
      <li>A gradual strengthening programme for the foot and calf.</li>
      <li>Taping or an insole to offload the heel while it settles.</li>
    </ul>
    <p>Most runners are back to their usual distance within eight to twelve weeks. {!! $page->footnote !!}</p>
    @foreach($page->faqs as $faq)
      <p>{{ $faq->answer }}</p>
    @endforeach
  </div>
</div>
@csrf
@endsection

@push('scripts')
<script src="{{ mix('js/app.js') }}"></script>
@endpush
